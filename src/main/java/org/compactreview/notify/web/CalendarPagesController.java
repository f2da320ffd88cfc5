package org.compactreview.notify.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.compactreview.identity.CurrentUser;
import org.compactreview.notify.CalendarFeedAddress;
import org.compactreview.notify.CalendarFeeds;
import org.compactreview.platform.Confirmations;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.PageSteps;
import org.compactreview.platform.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in user's calendar feed page: what the feed is, and forms to create, rotate and turn
 * it off. The address is shown on the answer to the creating or rotating post itself (never
 * redirected through the session, never cached), as with API tokens. Rotating and turning off stop
 * the current address, so both ask for confirmation first.
 */
@Controller
class CalendarPagesController {

    static final String PAGE = "notify/calendar";
    private static final String BACK = "/calendar";

    private final CalendarFeeds feeds;
    private final Confirmations confirmations;
    private final Problems problems;
    private final PageSteps steps;

    CalendarPagesController(CalendarFeeds feeds, Confirmations confirmations, Problems problems, PageSteps steps) {
        this.feeds = feeds;
        this.confirmations = confirmations;
        this.problems = problems;
        this.steps = steps;
    }

    @GetMapping("/calendar")
    String page(CurrentUser user, Model model) {
        return page(user, model, null, null);
    }

    @PostMapping("/calendar")
    String create(CurrentUser user, Model model, HttpServletResponse response) {
        return issue(user, model, response, () -> feeds.create(user));
    }

    @PostMapping("/calendar/rotate")
    String rotate(
            CurrentUser user,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            HttpServletResponse response) {
        if (!confirmed) {
            return confirmations.ask(model, "confirm.calendar.rotate.title", "confirm.calendar.rotate", null, BACK);
        }
        return issue(user, model, response, () -> feeds.rotate(user));
    }

    @PostMapping("/calendar/turn-off")
    String turnOff(
            CurrentUser user,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            return confirmations.ask(model, "confirm.calendar.turn-off.title", "confirm.calendar.turn-off", null, BACK);
        }
        return steps.run(redirect, BACK, "flash.calendar.turned-off", () -> feeds.turnOff(user));
    }

    private String issue(
            CurrentUser user, Model model, HttpServletResponse response, Supplier<CalendarFeedAddress> step) {
        try {
            CalendarFeedAddress issued = step.get();
            response.setHeader("Cache-Control", "no-store");
            return page(user, model, issued, null);
        } catch (ConflictException refused) {
            return page(user, model, null, problems.describe(refused));
        }
    }

    private String page(CurrentUser user, Model model, CalendarFeedAddress issued, String error) {
        model.addAttribute(
                "feed", issued != null ? issued.feed() : feeds.find(user).orElse(null));
        model.addAttribute("issued", issued);
        model.addAttribute("formError", error);
        return PAGE;
    }
}
