package org.compactreview.task.web;

import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.PageRequest;
import org.compactreview.platform.PageSteps;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox of every user, and the team view of managers and the secretariat. */
@Controller
class TaskPagesController {

    static final String INBOX = "task/inbox";
    static final String TEAM = "task/team";

    private final TaskGateway tasks;
    private final PageSteps steps;

    TaskPagesController(TaskGateway tasks, PageSteps steps) {
        this.tasks = tasks;
        this.steps = steps;
    }

    @GetMapping("/inbox")
    String inbox(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("tasks", tasks.list(user, WorkItemFilter.mine(), new PageRequest(page, 25)));
        return INBOX;
    }

    @GetMapping("/team")
    @PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
    String team(
            CurrentUser user,
            @RequestParam(required = false) Long cycleId,
            @RequestParam(required = false) String participant,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        WorkItemFilter filter =
                new WorkItemFilter(true, cycleId, blankToNull(participant), blankToNull(assignee), null, overdue);
        model.addAttribute("filter", filter);
        model.addAttribute("tasks", tasks.list(user, filter, new PageRequest(page, 50)));
        java.util.List<WorkItem> escalations = new java.util.ArrayList<>();
        for (String key : WorkItem.FORMLESS_TASKS) {
            escalations.addAll(
                    tasks.list(user, new WorkItemFilter(true, null, null, null, key, null), new PageRequest(0, 50))
                            .items());
        }
        model.addAttribute("escalations", escalations);
        return TEAM;
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, CurrentUser user, RedirectAttributes redirect) {
        return steps.run(redirect, "/inbox", "flash.task.claimed", () -> tasks.claim(id, user));
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(
            @PathVariable String id,
            @RequestParam(defaultValue = "/inbox") String back,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(redirect, safe(back), "flash.task.released", () -> tasks.unclaim(id, user));
    }

    @PostMapping("/tasks/{id}/assignee")
    @PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
    String reassign(
            @PathVariable String id, @RequestParam String username, CurrentUser user, RedirectAttributes redirect) {
        return steps.run(redirect, "/team", "flash.task.reassigned", () -> tasks.reassign(id, username.trim(), user));
    }

    @PostMapping("/tasks/{id}/complete")
    @PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
    String complete(
            @PathVariable String id,
            @RequestParam(required = false) String note,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(redirect, "/team", "flash.task.completed", () -> tasks.completeWithNote(id, note, user));
    }

    private static String safe(String back) {
        return back.startsWith("/") && !back.startsWith("//") ? back : "/inbox";
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.trim() : null;
    }
}
