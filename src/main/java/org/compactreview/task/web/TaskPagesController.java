package org.compactreview.task.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.platform.PageSteps;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.TaskRemark;
import org.compactreview.task.TaskRemarks;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox of every user and the task steps of its rows; the team list and the workload view are
 * {@link TeamPagesController}'s.
 */
@Controller
class TaskPagesController {

    static final String INBOX = "task/inbox";

    private final TaskGateway tasks;
    private final PageSteps steps;
    private final List<TaskRemarks> remarks;

    TaskPagesController(TaskGateway tasks, PageSteps steps, List<TaskRemarks> remarks) {
        this.tasks = tasks;
        this.steps = steps;
        this.remarks = remarks;
    }

    @GetMapping("/inbox")
    String inbox(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<WorkItem> shown = tasks.list(user, WorkItemFilter.mine(), new PageRequest(page, 25));
        model.addAttribute("tasks", shown);
        // What the tasks' own modules say about them (a returned report's status and comment).
        Map<String, TaskRemark> said = new HashMap<>();
        remarks.forEach(r -> said.putAll(r.remarks(shown.items(), user)));
        model.addAttribute("remarks", said);
        return INBOX;
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

    @PostMapping("/tasks/{id}/complete")
    @PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
    String complete(
            @PathVariable String id,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "/team") String back,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(redirect, safe(back), "flash.task.completed", () -> tasks.completeWithNote(id, note, user));
    }

    private static String safe(String back) {
        return back.startsWith("/") && !back.startsWith("//") ? back : "/inbox";
    }
}
