package org.compactreview.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page's form step ends (post, redirect, get): on success a flash message; on a refusal
 * the reason in the user's language and what the user typed ({@code typed}), so the page can
 * show both. A step outside the user's scope still ends on the 404 page.
 */
@Component
public class PageSteps {

    private final Problems problems;

    PageSteps(Problems problems) {
        this.problems = problems;
    }

    public String run(RedirectAttributes redirect, String back, String successKey, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("flash", successKey);
        } catch (InvalidInputException | ConflictException refused) {
            redirect.addFlashAttribute("flashError", problems.describe(refused));
            redirect.addFlashAttribute("typed", typed());
        }
        return "redirect:" + back;
    }

    /** A date field of a form, as yyyy-MM-dd, within the years the database is asked to keep. */
    public static LocalDate date(String field, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "validation.cycle.due-date");
        }
        if (!StorableInput.inRange(date)) {
            throw new InvalidInputException(field, StorableInput.DATE_OUT_OF_RANGE, StorableInput.yearBounds());
        }
        return date;
    }

    private static Map<String, String> typed() {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Map<String, String> typed = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> typed.put(name, values.length == 0 ? "" : values[0]));
        typed.remove("_csrf");
        return typed;
    }
}
