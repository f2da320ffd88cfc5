package org.compactreview.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.task.Task;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.ProblemException;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A focal point submits reports while a manager moves all of that focal point's tasks to a
 * colleague: the bulk request never fails as a whole; each task either moved (and is the
 * colleague's, engine and work item alike) or is reported as not moved because it was completed;
 * nothing is left half-way.
 */
class ReassignmentRaceIT extends IntegrationTest {

    private static final int PARTICIPANTS = 40;
    private static final int SUBMITTERS = 4;
    private static final int SUBMITTED = 20;

    @Autowired
    UserDirectory directory;

    @Autowired
    FrameworkCatalog framework;

    @Autowired
    ReportService reports;

    /** Three races, each with its own cycle and people: the interleaving differs from one to the next. */
    @Test
    void completionsRacingABulkReassignmentAreReportedAsNotMovedAndNothingIsLeftHalfWay() throws Exception {
        for (int race = 0; race < 3; race++) {
            race();
        }
    }

    private void race() throws Exception {
        List<String> codes = framework.memberStateCodes().stream()
                .filter(code -> !Set.of("EGY", "JOR", "MAR").contains(code))
                .limit(PARTICIPANTS)
                .toList();
        String suffix = Long.toString(System.nanoTime(), 36);
        String leaving = "fp-race-a-" + suffix;
        String colleague = "fp-race-b-" + suffix;
        for (String username : List.of(leaving, colleague)) {
            directory.create(
                    username,
                    ReassignmentIT.PASSWORD,
                    new UserDraft(username, null, null, true, Set.of(Role.FOCAL_POINT), Set.copyOf(codes)));
        }
        CurrentUser focalPoint = new CurrentUser(leaving, Set.of(Role.FOCAL_POINT), Set.copyOf(codes));
        ReviewCycle cycle = openAnnualReview("race", codes.toArray(String[]::new));
        List<Report> drafts = reports.list(focalPoint, cycle.id(), null);
        assertThat(drafts).hasSize(PARTICIPANTS);
        for (Report draft : drafts) {
            reports.saveDraft(draft.id(), focalPoint, draft.lockVersion(), Entries.complete(3));
        }
        Map<String, String> taskOfParticipant = new HashMap<>();
        jdbc.sql("select participant_code, task_id from work_item where cycle_id = ? and task_key = ?")
                .params(cycle.id(), ParticipantReviewModel.TASK_SUBMIT_REPORT)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> taskOfParticipant.put(e.getKey(), e.getValue()));
        taskOfParticipant.values().forEach(id -> engine.getTaskService().setAssignee(id, leaving));
        List<Report> toSubmit = drafts.subList(0, SUBMITTED);
        Set<String> submittedTasks = new HashSet<>();
        toSubmit.forEach(r -> submittedTasks.add(taskOfParticipant.get(r.participantCode())));

        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        String reason = "Race " + suffix;
        Future<ResponseEntity<JsonNode>> bulk = pool.submit(() -> {
            start.await();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            String body = "{\"taskIds\":[\"" + String.join("\",\"", taskOfParticipant.values()) + "\"],\"to\":\""
                    + colleague + "\",\"reason\":\"" + reason + "\"}";
            return as("manager")
                    .postForEntity("/api/v1/tasks/reassignments", new HttpEntity<>(body, headers), JsonNode.class);
        });
        List<Future<List<String>>> submitters = new ArrayList<>();
        for (int t = 0; t < SUBMITTERS; t++) {
            int first = t;
            submitters.add(pool.submit(() -> {
                start.await();
                List<String> outcomes = new ArrayList<>();
                for (int i = first; i < toSubmit.size(); i += SUBMITTERS) {
                    try {
                        reports.submit(toSubmit.get(i).id(), focalPoint, null);
                        outcomes.add("submitted");
                    } catch (ProblemException | OptimisticLockingException | DataAccessException refused) {
                        outcomes.add(refused.getClass().getSimpleName());
                    }
                }
                return outcomes;
            }));
        }
        start.countDown();
        ResponseEntity<JsonNode> answer = bulk.get();
        List<String> outcomes = new ArrayList<>();
        for (Future<List<String>> submitter : submitters) {
            outcomes.addAll(submitter.get());
        }
        pool.shutdown();

        assertThat(answer.getStatusCode().value())
                .as(String.valueOf(answer.getBody()))
                .isEqualTo(200);
        JsonNode result = answer.getBody();
        assertThat(result.get("selected").asInt()).isEqualTo(PARTICIPANTS);
        Set<String> moved = new HashSet<>();
        result.get("moved").forEach(m -> moved.add(m.get("taskId").asText()));
        Map<String, String> notMoved = new HashMap<>();
        result.get("notMoved")
                .forEach(n ->
                        notMoved.put(n.get("taskId").asText(), n.get("reason").asText()));
        System.out.println(
                "Reassignment race: " + moved.size() + " moved, not moved " + notMoved + "; submissions " + outcomes);

        Set<String> reported = new HashSet<>(moved);
        reported.addAll(notMoved.keySet());
        assertThat(reported).as("every task is reported once").isEqualTo(Set.copyOf(taskOfParticipant.values()));
        assertThat(moved.size() + notMoved.size()).isEqualTo(PARTICIPANTS);
        assertThat(outcomes).hasSize(SUBMITTED);
        // Tasks nobody completed all moved.
        taskOfParticipant.values().stream()
                .filter(id -> !submittedTasks.contains(id))
                .forEach(id -> assertThat(moved).contains(id));
        // A task not moved was completed meanwhile, and said so.
        notMoved.forEach((id, why) -> {
            assertThat(why).isIn("NOT_OPEN", "CHANGED_MEANWHILE");
            assertThat(submittedTasks).contains(id);
            assertThat(openTask(id)).as(id + " was completed").isNull();
        });
        // Every task still open is the colleague's, in the engine and in the work items alike.
        for (String id : taskOfParticipant.values()) {
            Task open = openTask(id);
            if (open != null) {
                assertThat(open.getAssignee()).as(id).isEqualTo(colleague);
                assertThat(jdbc.sql("select assignee from work_item where task_id = ?")
                                .param(id)
                                .query(String.class)
                                .single())
                        .isEqualTo(colleague);
            }
        }
        long submittedCount = outcomes.stream().filter("submitted"::equals).count();
        assertThat(jdbc.sql("select count(*) from work_item where cycle_id = ? and task_key = ?")
                        .params(cycle.id(), ParticipantReviewModel.TASK_VALIDATE_REPORT)
                        .query(Long.class)
                        .single())
                .as("one validation per submitted report")
                .isEqualTo(submittedCount);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TASK_REASSIGNED' and reason = ?")
                        .param(reason)
                        .query(Long.class)
                        .single())
                .as("one audit record per move")
                .isEqualTo(moved.size());
    }

    private Task openTask(String id) {
        return engine.getTaskService().createTaskQuery().taskId(id).singleResult();
    }
}
