package org.compactreview.cycle.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReminderDays;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening an annual review in two steps (issue 14: "All member states" was the default, and ticked
 * countries were ignored unless a second option was chosen too, so a cycle could silently cover
 * all 193 states). The secretariat chooses explicitly whom the cycle covers (all member states,
 * the member states of some regions, or chosen participants; nothing is preselected), then sees
 * the participants who will be included, with their count, and confirms. Only the post with
 * {@code confirmed=true} opens the cycle, for exactly the participants the choice names.
 */
@Controller
@PreAuthorize("hasRole('SECRETARIAT')")
class CycleOpeningController {

    static final String NEW = "cycle/new";
    static final String CONFIRM = "cycle/new-confirm";

    private final CycleService cycles;
    private final FrameworkCatalog framework;
    private final Problems problems;

    CycleOpeningController(CycleService cycles, FrameworkCatalog framework, Problems problems) {
        this.cycles = cycles;
        this.framework = framework;
        this.problems = problems;
    }

    @GetMapping("/cycles/new")
    String newCycle(Model model) {
        return showForm(
                model, new OpenCycleForm("", "", defaultReminderDays(), "", Set.of(), Set.of()), Map.of(), null);
    }

    @PostMapping("/cycles/new")
    String open(
            @RequestParam(defaultValue = "") String period,
            @RequestParam(defaultValue = "") String due,
            @RequestParam(required = false) String reminderDays,
            @RequestParam(defaultValue = "") String scope,
            @RequestParam(required = false) Set<String> regions,
            @RequestParam(required = false) Set<String> participants,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @RequestParam(defaultValue = "") String step,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        // A post without the field (an older page, a script) gets the default days.
        OpenCycleForm form = new OpenCycleForm(
                period, due, reminderDays == null ? defaultReminderDays() : reminderDays, scope, regions, participants);
        if ("edit".equals(step)) {
            return showForm(model, form, Map.of(), null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        form.problems(framework).forEach((field, code) -> errors.put(field, text(code)));
        if (!errors.isEmpty()) {
            return showForm(model, form, errors, null);
        }
        List<Participant> included = form.included(framework);
        if (!confirmed) {
            model.addAttribute("form", form);
            model.addAttribute("included", included);
            model.addAttribute("dueDate", LocalDate.parse(form.due()));
            return CONFIRM;
        }
        try {
            ReviewCycle cycle = cycles.open(
                    new OpenCycleRequest(
                            CycleKind.ANNUAL_REVIEW,
                            form.period(),
                            included.stream().map(Participant::code).toList(),
                            dueAt(form.due()),
                            null,
                            null,
                            null,
                            form.reminderDayList()),
                    user);
            redirect.addFlashAttribute("flash", "flash.cycle.opened");
            return "redirect:/cycles/" + cycle.id();
        } catch (InvalidInputException | ConflictException refused) {
            return showForm(model, form, Map.of(), problems.describe(refused));
        }
    }

    private String showForm(Model model, OpenCycleForm form, Map<String, String> errors, String formError) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        model.addAttribute("regions", framework.memberStateRegions());
        model.addAttribute("participants", framework.participants());
        return NEW;
    }

    private String defaultReminderDays() {
        return ReminderDays.format(cycles.defaultReminderDays());
    }

    private static java.time.Instant dueAt(String due) {
        try {
            return LocalDate.parse(due).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("due", "validation.cycle.due-date");
        }
    }

    private String text(String code) {
        return problems.text(LocaleContextHolder.getLocale(), code);
    }
}
