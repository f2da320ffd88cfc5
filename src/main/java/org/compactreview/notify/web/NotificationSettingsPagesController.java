package org.compactreview.notify.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.compactreview.identity.CurrentUser;
import org.compactreview.notify.NotificationPreferences;
import org.compactreview.notify.NotificationSettings;
import org.compactreview.notify.PreferencesDraft;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Notification settings" for every signed-in user: immediate mail or a daily digest at an hour
 * of their time zone, and reminders on or off. A refused field is shown beside the field, with
 * what was typed; a saved change goes back to the page with a message (post, redirect, get).
 */
@Controller
class NotificationSettingsPagesController {

    static final String PAGE = "notify/settings";
    static final String PATH = "/notifications/settings";

    private final NotificationPreferences preferences;
    private final Problems problems;
    private final Clock clock;

    NotificationSettingsPagesController(NotificationPreferences preferences, Problems problems, Clock clock) {
        this.preferences = preferences;
        this.problems = problems;
        this.clock = clock;
    }

    /**
     * The form as posted: every field as text. An unticked checkbox posts nothing, so {@code
     * reminders} is "on" or absent; the digest hour is a number from a select.
     */
    record SettingsForm(String delivery, String reminders, String timeZone, String digestHour) {

        static SettingsForm of(NotificationSettings settings) {
            return new SettingsForm(
                    settings.delivery().name(),
                    settings.reminders() ? "on" : null,
                    settings.timeZone().getId(),
                    String.valueOf(settings.digestHour()));
        }

        PreferencesDraft draft() {
            return new PreferencesDraft(delivery, reminders != null, timeZone, hour());
        }

        private Integer hour() {
            try {
                return digestHour == null ? null : Integer.valueOf(digestHour.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** An hour of the day as the select offers it: 0 shown as 00:00 (digits as in every UI language). */
    record Hour(String value, String label) {}

    @GetMapping(PATH)
    String show(CurrentUser user, Model model) {
        return page(model, SettingsForm.of(preferences.of(user)), Map.of());
    }

    @PostMapping(PATH)
    String save(CurrentUser user, SettingsForm form, Model model, RedirectAttributes redirect) {
        try {
            preferences.update(user, form.draft());
        } catch (InvalidInputException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.fieldProblems()
                    .forEach(p -> errors.put(
                            p.field(), problems.text(LocaleContextHolder.getLocale(), p.messageCode(), p.arguments())));
            return page(model, form, errors);
        }
        redirect.addFlashAttribute("flash", "flash.notifications.saved");
        return "redirect:" + PATH;
    }

    private String page(Model model, SettingsForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("zones", ZoneChoices.of(LocaleContextHolder.getLocale(), clock.instant()));
        model.addAttribute(
                "hours",
                java.util.stream.IntStream.range(0, 24)
                        .mapToObj(h -> new Hour(String.valueOf(h), String.format(java.util.Locale.ROOT, "%02d:00", h)))
                        .toList());
        return PAGE;
    }
}
