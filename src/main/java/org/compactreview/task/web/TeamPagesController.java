package org.compactreview.task.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.platform.PageSteps;
import org.compactreview.task.EligibleAssignee;
import org.compactreview.task.Reassignment;
import org.compactreview.task.Reassignments;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.TaskProcesses;
import org.compactreview.task.TaskSelection;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.compactreview.task.Workload;
import org.compactreview.task.WorkloadRow;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' and the secretariat's pages of every team's open work: the workload view (counts
 * per person or per participant) and its neighbour, the team list (the tasks, paged, with bulk
 * reassignment). Both read their filters from the URL and every action redirects back to it.
 */
@Controller
@PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
class TeamPagesController {

    static final String TEAM = "task/team";
    static final String WORKLOAD = "task/workload";
    static final int TEAM_PAGE_SIZE = 50;
    static final int WORKLOAD_PAGE_SIZE = 50;

    private final Workload workload;
    private final Reassignments reassignments;
    private final TaskGateway tasks;
    private final FrameworkCatalog framework;
    private final PageSteps steps;

    TeamPagesController(
            Workload workload,
            Reassignments reassignments,
            TaskGateway tasks,
            FrameworkCatalog framework,
            PageSteps steps) {
        this.workload = workload;
        this.reassignments = reassignments;
        this.tasks = tasks;
        this.framework = framework;
        this.steps = steps;
    }

    @GetMapping("/team")
    String team(
            CurrentUser user,
            @RequestParam(required = false) Long cycleId,
            @RequestParam(required = false) String process,
            @RequestParam(required = false) String taskKey,
            @RequestParam(required = false) String participant,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        WorkloadQuery query = new WorkloadQuery(
                cycleId, process, taskKey, participant, region, assignee, overdue, sort, dir, page, null);
        Page<WorkItem> list = workload.tasks(
                user, query.filter(), query.taskSort(), query.descending(false), new PageRequest(page, TEAM_PAGE_SIZE));
        filters(user, query, model);
        model.addAttribute("tasks", list);
        model.addAttribute("userNames", workload.assigneeNames(list.items()));
        // Whom the tasks may go to: for everything of one person, all of that person's tasks the
        // filters match; else the tasks of this page, the ones a manager can tick.
        TaskSelection candidates = query.assignee() != null
                ? TaskSelection.everythingOf(query.filter())
                : TaskSelection.ofTasks(list.items().stream().map(WorkItem::id).toList());
        List<EligibleAssignee> eligible =
                candidates.byTasks() || query.assignee() != null ? reassignments.eligible(user, candidates) : List.of();
        model.addAttribute("eligible", eligible);
        model.addAttribute("escalations", escalations(user));
        return TEAM;
    }

    @GetMapping("/workload")
    String workload(
            CurrentUser user,
            @RequestParam(required = false) Long cycleId,
            @RequestParam(required = false) String process,
            @RequestParam(required = false) String taskKey,
            @RequestParam(required = false) String participant,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        WorkloadQuery query = new WorkloadQuery(
                cycleId, process, taskKey, participant, region, assignee, overdue, sort, dir, page, group);
        PageRequest request = new PageRequest(page, WORKLOAD_PAGE_SIZE);
        Page<WorkloadRow> rows = WorkloadQuery.PARTICIPANTS.equals(query.group())
                ? workload.byParticipant(user, query.filter(), query.rowSort(), query.descending(true), request)
                : workload.byPerson(user, query.filter(), query.rowSort(), query.descending(true), request);
        filters(user, query, model);
        model.addAttribute("rows", rows);
        return WORKLOAD;
    }

    /**
     * Moves the ticked tasks ({@code scope=selected}) or everything of the filtered assignee that
     * the filters match ({@code scope=all}) to the person picked, then back to the same list.
     */
    @PostMapping("/team/reassign")
    String reassign(
            CurrentUser user,
            @RequestParam(defaultValue = "selected") String scope,
            @RequestParam(required = false) List<String> taskIds,
            @RequestParam(required = false) Long cycleId,
            @RequestParam(required = false) String process,
            @RequestParam(required = false) String taskKey,
            @RequestParam(required = false) String participant,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        WorkloadQuery query = new WorkloadQuery(
                cycleId, process, taskKey, participant, region, assignee, overdue, sort, dir, page, null);
        TaskSelection selection = "all".equals(scope)
                ? TaskSelection.everythingOf(query.filter())
                : TaskSelection.ofTasks(taskIds == null ? List.of() : taskIds);
        Reassignment[] done = new Reassignment[1];
        String back = steps.run(
                redirect,
                query.path("/team"),
                "flash.task.reassignment-done",
                () -> done[0] = reassignments.reassign(user, selection, to, reason));
        if (done[0] != null) {
            redirect.addFlashAttribute("reassignment", ReassignmentOutcome.of(done[0]));
        }
        return back;
    }

    private void filters(CurrentUser user, WorkloadQuery query, Model model) {
        List<Participant> participants = new ArrayList<>(framework.participants());
        participants.sort((a, b) -> framework.byParticipantName().compare(a.code(), b.code()));
        Map<String, String> participantNames = new HashMap<>();
        participants.forEach(p -> participantNames.put(p.code(), p.name()));
        model.addAttribute("query", query);
        model.addAttribute("cycles", workload.cyclesWithOpenTasks(user));
        model.addAttribute("processes", TaskProcesses.processes());
        model.addAttribute("taskKeys", TaskProcesses.taskKeys());
        model.addAttribute("participants", participants);
        model.addAttribute("participantNames", participantNames);
        // Regions of the participants that have one (generated test participants have none).
        model.addAttribute(
                "regions",
                participants.stream()
                        .map(Participant::region)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("assignees", workload.assignees(user));
    }

    private List<WorkItem> escalations(CurrentUser user) {
        List<WorkItem> escalations = new ArrayList<>();
        for (String key : WorkItem.FORMLESS_TASKS) {
            escalations.addAll(
                    tasks.list(user, new WorkItemFilter(true, null, null, null, key, null), new PageRequest(0, 50))
                            .items());
        }
        return escalations;
    }
}
