package org.compactreview.task.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.PageSteps;
import org.compactreview.task.DueDates;
import org.compactreview.task.WorkItem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A task's due date and timers, and the form that moves them (managers and the secretariat). */
@Controller
@PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
class DueDatePagesController {

    static final String PAGE = "task/due-date";

    private final DueDates dueDates;
    private final PageSteps steps;

    DueDatePagesController(DueDates dueDates, PageSteps steps) {
        this.dueDates = dueDates;
        this.steps = steps;
    }

    @GetMapping("/tasks/{id}/due-date")
    String show(@PathVariable String id, CurrentUser user, Model model) {
        WorkItem task = dueDates.task(id, user);
        model.addAttribute("task", task);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", java.util.Map.of());
        }
        model.addAttribute("timers", dueDates.timers(id, user));
        model.addAttribute("dueAtValue", task.dueAt() == null ? "" : localValue(task.dueAt()));
        return PAGE;
    }

    @PostMapping("/tasks/{id}/due-date")
    String change(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String dueAt,
            @RequestParam(defaultValue = "") String reason,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(
                redirect,
                "/tasks/" + id + "/due-date",
                "flash.task.due-date-changed",
                () -> dueDates.change(id, parse(dueAt), reason, user));
    }

    /** A datetime-local field's value, read in UTC like every date the pages show. */
    static Instant parse(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("dueAt", "validation.due-date.format");
        }
    }

    static String localValue(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
                .withSecond(0)
                .withNano(0)
                .toString();
    }
}
