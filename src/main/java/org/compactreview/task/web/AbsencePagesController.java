package org.compactreview.task.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.compactreview.identity.Absence;
import org.compactreview.identity.AbsenceDraft;
import org.compactreview.identity.Absences;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.platform.PageSteps;
import org.compactreview.task.Substitutions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * "My out-of-office" for everyone, and the same page for a manager or an administrator on anyone:
 * the periods, the tasks each moved or left behind, the form to set one and the buttons to cancel.
 * It lives with the tasks because it shows what became of them.
 */
@Controller
class AbsencePagesController {

    static final String PAGE = "task/absences";

    private final Absences absences;
    private final Substitutions substitutions;
    private final UserDirectory users;
    private final PageSteps steps;

    AbsencePagesController(Absences absences, Substitutions substitutions, UserDirectory users, PageSteps steps) {
        this.absences = absences;
        this.substitutions = substitutions;
        this.users = users;
        this.steps = steps;
    }

    /** The form's fields as typed: datetime-local values in UTC and the substitute's username. */
    record AbsenceForm(String startsAt, String endsAt, String substitute) {

        AbsenceDraft draft() {
            return new AbsenceDraft(instant("startsAt", startsAt), instant("endsAt", endsAt), substitute);
        }

        private static Instant instant(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "validation.absence.format");
            }
        }
    }

    @GetMapping("/account/absences")
    String mine(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        return page(user, user.username(), "/account/absences", page, model);
    }

    @PostMapping("/account/absences")
    String setMine(CurrentUser user, AbsenceForm form, RedirectAttributes redirect) {
        return steps.run(
                redirect,
                "/account/absences",
                "flash.absence.set",
                () -> absences.set(user, user.username(), form.draft()));
    }

    @PostMapping("/account/absences/{id}/cancel")
    String cancelMine(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return steps.run(
                redirect,
                "/account/absences",
                "flash.absence.cancelled",
                () -> absences.cancel(user, user.username(), id));
    }

    /** The person picker of managers and administrators. */
    @GetMapping("/users/absences")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    String pick(@RequestParam(defaultValue = "") String username) {
        return username.isBlank() ? "redirect:/account/absences" : "redirect:" + base(username.strip());
    }

    @GetMapping("/users/{username}/absences")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    String ofUser(
            CurrentUser user, @PathVariable String username, @RequestParam(defaultValue = "0") int page, Model model) {
        return page(user, username, base(username), page, model);
    }

    @PostMapping("/users/{username}/absences")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    String setForUser(CurrentUser user, @PathVariable String username, AbsenceForm form, RedirectAttributes redirect) {
        return steps.run(
                redirect, base(username), "flash.absence.set", () -> absences.set(user, username, form.draft()));
    }

    @PostMapping("/users/{username}/absences/{id}/cancel")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    String cancelForUser(
            CurrentUser user, @PathVariable String username, @PathVariable long id, RedirectAttributes redirect) {
        return steps.run(
                redirect, base(username), "flash.absence.cancelled", () -> absences.cancel(user, username, id));
    }

    private String page(CurrentUser user, String username, String path, int page, Model model) {
        Page<Absence> list = absences.list(user, username, new PageRequest(page, 20));
        model.addAttribute("person", users.find(username).orElseThrow());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", java.util.Map.of());
        }
        model.addAttribute("own", user.username().equals(username));
        model.addAttribute("path", path);
        model.addAttribute("absences", list);
        model.addAttribute(
                "tasksByAbsence",
                substitutions.forAbsences(list.items().stream().map(Absence::id).toList()));
        model.addAttribute("choices", absences.substituteChoices(user, username));
        boolean picksPeople = user.has(Role.MANAGER) || user.has(Role.ADMIN);
        model.addAttribute(
                "people",
                picksPeople
                        ? users.list(new PageRequest(0, PageRequest.MAX_SIZE)).items()
                        : List.of());
        return PAGE;
    }

    private static String base(String username) {
        return "/users/" + UriUtils.encodePathSegment(username, java.nio.charset.StandardCharsets.UTF_8) + "/absences";
    }
}
