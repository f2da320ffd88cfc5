package org.compactreview.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bulk reassignment through the API and the service: what moves and what does not (and why), the
 * people a task may go to, "everything of a person" narrowed to participants and cycles, and who
 * may ask at all.
 */
class ReassignmentIT extends IntegrationTest {

    static final String PASSWORD = "a-long-password";

    @Autowired
    UserDirectory directory;

    @Autowired
    Reassignments reassignments;

    @Autowired
    Workload workload;

    @Autowired
    ReportService reports;

    @Autowired
    ObjectMapper json;

    @Test
    void aSelectionMovesWhatItMayAndReportsWhatCouldNotAndWhy() throws Exception {
        String leaving = focalPoint("leaving", "EGY", "JOR", "MAR");
        String colleague = focalPoint("colleague", "EGY", "JOR");
        ReviewCycle cycle = openAnnualReview("bulk", "EGY", "JOR", "MAR");
        Map<String, String> tasks = submitTasks(cycle);
        tasks.values().forEach(id -> engine.getTaskService().setAssignee(id, leaving));

        JsonNode answer = reassign(
                "manager",
                Map.of(
                        "taskIds",
                        List.of(tasks.get("EGY"), tasks.get("JOR"), tasks.get("MAR"), "no-such-task"),
                        "to",
                        colleague,
                        "reason",
                        "On leave until March"),
                200);

        assertThat(answer.get("selected").asInt()).isEqualTo(4);
        assertThat(ids(answer.get("moved"))).containsExactlyInAnyOrder(tasks.get("EGY"), tasks.get("JOR"));
        assertThat(answer.get("moved").get(0).get("from").asText()).isEqualTo(leaving);
        assertThat(reasons(answer))
                .containsOnly(Map.entry(tasks.get("MAR"), "NOT_CANDIDATE"), Map.entry("no-such-task", "NOT_OPEN"));
        answer.get("notMoved")
                .forEach(n -> assertThat(n.get("message").asText()).isNotBlank());
        assertThat(assignee(tasks.get("EGY"))).isEqualTo(colleague);
        assertThat(assignee(tasks.get("JOR"))).isEqualTo(colleague);
        assertThat(assignee(tasks.get("MAR"))).isEqualTo(leaving);
        assertThat(workItemAssignee(tasks.get("EGY"))).isEqualTo(colleague);
        assertThat(workItemAssignee(tasks.get("MAR"))).isEqualTo(leaving);
        var audit = jdbc.sql("select actor, before ->> 'assignee' as before, after ->> 'assignee' as after, reason"
                        + " from audit_event where action = 'TASK_REASSIGNED' and object_id = ?")
                .param(tasks.get("EGY"))
                .query((rs, n) -> List.of(
                        rs.getString("actor"), rs.getString("before"), rs.getString("after"), rs.getString("reason")))
                .single();
        assertThat(audit).containsExactly("manager", leaving, colleague, "On leave until March");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TASK_REASSIGNED' and object_id = ?")
                        .param(tasks.get("MAR"))
                        .query(Long.class)
                        .single())
                .isZero();

        JsonNode again = reassign(
                "secretariat",
                Map.of("taskIds", List.of(tasks.get("EGY")), "to", colleague, "reason", "Once more"),
                200);
        assertThat(again.get("moved")).isEmpty();
        assertThat(reasons(again)).containsOnly(Map.entry(tasks.get("EGY"), "ALREADY_ASSIGNED"));
    }

    @Test
    void aValidationGoesToTheSecretariatOnlyAndAReportToItsOwnFocalPointsOnly() {
        ReviewCycle cycle = openAnnualReview("roles", "EGY", "JOR");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(3));
        reports.submit(egypt.id(), Users.FP_EGY, null);
        String validation = task(cycle, "EGY", ParticipantReviewModel.TASK_VALIDATE_REPORT);
        String jordansReport = task(cycle, "JOR", ParticipantReviewModel.TASK_SUBMIT_REPORT);

        JsonNode toFocalPoint = reassign(
                "manager",
                Map.of("taskIds", List.of(validation, jordansReport), "to", "fp-egy", "reason", "Wrong person"),
                200);
        assertThat(toFocalPoint.get("moved")).isEmpty();
        assertThat(reasons(toFocalPoint))
                .containsOnly(Map.entry(validation, "NOT_CANDIDATE"), Map.entry(jordansReport, "NOT_CANDIDATE"));

        JsonNode toSecretariat = reassign(
                "manager", Map.of("taskIds", List.of(validation), "to", "secretariat", "reason", "Right person"), 200);
        assertThat(ids(toSecretariat.get("moved"))).containsExactly(validation);
        assertThat(assignee(validation)).isEqualTo("secretariat");
        assertThat(assignee(jordansReport)).isNull();
    }

    @Test
    void everythingOfAPersonCanBeNarrowedToParticipantsAndCycles() {
        String leaving = focalPoint("moving", "EGY", "JOR");
        String colleague = focalPoint("staying", "EGY", "JOR");
        ReviewCycle first = openAnnualReview("first", "EGY", "JOR");
        ReviewCycle second = openAnnualReview("second", "EGY");
        Map<String, String> firstTasks = submitTasks(first);
        Map<String, String> secondTasks = submitTasks(second);
        List<String> all = new ArrayList<>(firstTasks.values());
        all.addAll(secondTasks.values());
        all.forEach(id -> engine.getTaskService().setAssignee(id, leaving));

        JsonNode narrowed = reassign(
                "manager",
                Map.of(
                        "from",
                        leaving,
                        "participants",
                        List.of("EGY"),
                        "cycles",
                        List.of(first.id()),
                        "to",
                        colleague,
                        "reason",
                        "Egypt's first cycle only"),
                200);
        assertThat(narrowed.get("selected").asInt()).isEqualTo(1);
        assertThat(ids(narrowed.get("moved"))).containsExactly(firstTasks.get("EGY"));
        assertThat(assignee(firstTasks.get("JOR"))).isEqualTo(leaving);
        assertThat(assignee(secondTasks.get("EGY"))).isEqualTo(leaving);

        JsonNode rest = reassign("manager", Map.of("from", leaving, "to", colleague, "reason", "All the rest"), 200);
        assertThat(ids(rest.get("moved"))).containsExactlyInAnyOrder(firstTasks.get("JOR"), secondTasks.get("EGY"));
        all.forEach(id -> assertThat(assignee(id)).isEqualTo(colleague));
        assertThat(workload.tasks(
                                Users.MANAGER,
                                WorkloadFilter.of(leaving, Set.of(), Set.of()),
                                TaskSort.DUE,
                                false,
                                new PageRequest(0, 10))
                        .total())
                .isZero();
    }

    @Test
    void theEligibleAssigneesAreTheEnabledMembersOfTheTasksGroups() {
        String both = focalPoint("both", "EGY", "MAR");
        String egyptOnly = focalPoint("egypt-only", "EGY");
        String disabled = "disabled-" + Long.toString(System.nanoTime(), 36);
        directory.create(
                disabled,
                PASSWORD,
                new UserDraft("Disabled focal point", null, null, false, Set.of(Role.FOCAL_POINT), Set.of("EGY")));
        ReviewCycle cycle = openAnnualReview("eligible", "EGY", "MAR");
        Map<String, String> tasks = submitTasks(cycle);

        JsonNode forEgypt = as("manager")
                .getForEntity("/api/v1/tasks/" + tasks.get("EGY") + "/eligible-assignees", JsonNode.class)
                .getBody();
        List<String> names = new ArrayList<>();
        forEgypt.forEach(p -> names.add(p.get("username").asText()));
        assertThat(names).contains(both, egyptOnly, "fp-egy").doesNotContain(disabled, "fp-mar", "secretariat");

        JsonNode forSelection = post(
                        "secretariat",
                        "/api/v1/tasks/eligible-assignees",
                        Map.of("taskIds", List.of(tasks.get("EGY"), tasks.get("MAR"))))
                .getBody();
        Map<String, Integer> counts = new java.util.HashMap<>();
        forSelection.forEach(
                p -> counts.put(p.get("username").asText(), p.get("tasks").asInt()));
        assertThat(counts).containsEntry(both, 2).containsEntry(egyptOnly, 1).containsEntry("fp-mar", 1);
        assertThat(forSelection.get(0).get("tasks").asInt()).isEqualTo(2);
        assertThat(forSelection.get(0).get("displayName").asText()).isNotBlank();

        assertThat(as("manager")
                        .getForEntity("/api/v1/tasks/no-such-task/eligible-assignees", JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(as("fp-egy")
                        .getForEntity("/api/v1/tasks/" + tasks.get("EGY") + "/eligible-assignees", JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void onlyManagersAndTheSecretariatReassignAndAReasonAndAKnownPersonAreRequired() {
        ReviewCycle cycle = openAnnualReview("refused", "EGY");
        String egypt = submitTasks(cycle).get("EGY");

        JsonNode forbidden =
                reassign("fp-egy", Map.of("taskIds", List.of(egypt), "to", "fp-egy", "reason", "Mine now"), 403);
        assertThat(forbidden.get("type").asText()).isEqualTo("urn:compact-review:problem:forbidden");
        JsonNode noReason = reassign("manager", Map.of("taskIds", List.of(egypt), "to", "fp-egy", "reason", " "), 400);
        assertThat(noReason.toString()).contains("reason");
        JsonNode nobody =
                reassign("manager", Map.of("taskIds", List.of(egypt), "to", "no-such-user", "reason", "Why not"), 400);
        assertThat(nobody.get("errors").get(0).get("field").asText()).isEqualTo("to");
        JsonNode nothing = reassign("manager", Map.of("to", "fp-egy", "reason", "Nothing chosen"), 400);
        assertThat(nothing.get("errors").get(0).get("field").asText()).isEqualTo("taskIds");
        JsonNode both = reassign(
                "manager", Map.of("taskIds", List.of(egypt), "from", "fp-egy", "to", "fp-egy", "reason", "Both"), 400);
        assertThat(both.get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(assignee(egypt)).isNull();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TASK_REASSIGNED' and object_id = ?")
                        .param(egypt)
                        .query(Long.class)
                        .single())
                .isZero();

        // The service refuses a focal point by itself, whatever the web layer does.
        assertThatThrownBy(() ->
                        reassignments.reassign(Users.FP_EGY, TaskSelection.ofTasks(List.of(egypt)), "fp-egy", "Mine"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> workload.byPerson(
                        Users.FP_EGY, WorkloadFilter.everything(), WorkloadRow.Sort.OPEN, true, new PageRequest(0, 5)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theWorkloadCountsOpenAndOverdueTasksPerPersonAndPerParticipant() {
        String busy = focalPoint("busy", "EGY", "JOR");
        ReviewCycle cycle = openAnnualReview("counts", "EGY", "JOR", "MAR");
        Map<String, String> tasks = submitTasks(cycle);
        engine.getTaskService().setAssignee(tasks.get("EGY"), busy);
        engine.getTaskService().setAssignee(tasks.get("JOR"), busy);
        WorkloadFilter ofCycle = new WorkloadFilter(Set.of(cycle.id()), null, null, Set.of(), null, null, null);
        setClock(START.plus(java.time.Duration.ofDays(40))); // the reports were due after 30 days

        var people = workload.byPerson(Users.MANAGER, ofCycle, WorkloadRow.Sort.OPEN, true, new PageRequest(0, 10));
        assertThat(people.items()).hasSize(2);
        WorkloadRow first = people.items().get(0);
        assertThat(first.key()).isEqualTo(busy);
        assertThat(first.name()).isEqualTo("Focal point busy");
        assertThat(first.open()).isEqualTo(2);
        assertThat(first.overdue()).isEqualTo(2);
        assertThat(first.oldestAgeDays()).isEqualTo(40);
        assertThat(people.items().get(1).key()).isNull();
        assertThat(people.items().get(1).open()).isEqualTo(1);

        var byRegionAndParticipant = workload.byParticipant(
                Users.MANAGER,
                new WorkloadFilter(
                        Set.of(cycle.id()), ParticipantReviewModel.PROCESS_KEY, null, Set.of(), "AFRICA", null, true),
                WorkloadRow.Sort.NAME,
                false,
                new PageRequest(0, 10));
        assertThat(byRegionAndParticipant.items()).extracting(WorkloadRow::name).containsExactly("Egypt", "Morocco");

        // The task list sorts by the participants' names, either way round.
        assertThat(workload.tasks(Users.MANAGER, ofCycle, TaskSort.PARTICIPANT, false, new PageRequest(0, 10))
                        .items())
                .extracting(WorkItem::participantCode)
                .containsExactly("EGY", "JOR", "MAR");
        assertThat(workload.tasks(Users.MANAGER, ofCycle, TaskSort.PARTICIPANT, true, new PageRequest(0, 10))
                        .items())
                .extracting(WorkItem::participantCode)
                .containsExactly("MAR", "JOR", "EGY");
        assertThat(workload.tasks(Users.MANAGER, ofCycle, TaskSort.ASSIGNEE, false, new PageRequest(0, 10))
                        .items()
                        .get(0)
                        .assignee())
                .as("nobody's tasks first")
                .isNull();
        assertThat(workload.tasks(Users.MANAGER, ofCycle, TaskSort.DUE, false, new PageRequest(0, 10))
                        .items()
                        .get(0)
                        .cyclePeriod())
                .isEqualTo(cycle.period());
    }

    private String focalPoint(String name, String... participants) {
        String username = "fp-" + name + "-" + Long.toString(System.nanoTime(), 36);
        directory.create(
                username,
                PASSWORD,
                new UserDraft("Focal point " + name, null, null, true, Set.of(Role.FOCAL_POINT), Set.of(participants)));
        return username;
    }

    /** The open "submit report" task of each participant of the cycle, by participant. */
    private Map<String, String> submitTasks(ReviewCycle cycle) {
        Map<String, String> tasks = new java.util.HashMap<>();
        jdbc.sql("select participant_code, task_id from work_item where cycle_id = ? and task_key = ?")
                .params(cycle.id(), ParticipantReviewModel.TASK_SUBMIT_REPORT)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> tasks.put(e.getKey(), e.getValue()));
        return tasks;
    }

    private String task(ReviewCycle cycle, String participant, String taskKey) {
        return jdbc.sql("select task_id from work_item where cycle_id = ? and participant_code = ? and task_key = ?")
                .params(cycle.id(), participant, taskKey)
                .query(String.class)
                .single();
    }

    private String assignee(String taskId) {
        return engine.getTaskService()
                .createTaskQuery()
                .taskId(taskId)
                .singleResult()
                .getAssignee();
    }

    private String workItemAssignee(String taskId) {
        return jdbc.sql("select assignee from work_item where task_id = ?")
                .param(taskId)
                .query(String.class)
                .single();
    }

    private JsonNode reassign(String caller, Map<String, Object> body, int status) {
        ResponseEntity<JsonNode> answer = post(caller, "/api/v1/tasks/reassignments", body);
        assertThat(answer.getStatusCode().value())
                .as(String.valueOf(answer.getBody()))
                .isEqualTo(status);
        return answer.getBody();
    }

    private ResponseEntity<JsonNode> post(String caller, String path, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var client = caller.startsWith("fp-") && !caller.equals("fp-egy")
                ? http.withBasicAuth(caller, PASSWORD)
                : as(caller);
        try {
            return client.postForEntity(path, new HttpEntity<>(json.writeValueAsString(body), headers), JsonNode.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("taskId").asText()));
        return ids;
    }

    private static Map<String, String> reasons(JsonNode answer) {
        Map<String, String> reasons = new java.util.HashMap<>();
        answer.get("notMoved")
                .forEach(n ->
                        reasons.put(n.get("taskId").asText(), n.get("reason").asText()));
        return reasons;
    }
}
