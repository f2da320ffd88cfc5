package org.compactreview.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A task's due date moves with a reason, and its boundary timers move with it: the engine clock
 * passes the old reminder time without a reminder, and the new one with it.
 */
class DueDateIT extends IntegrationTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    TaskGateway tasks;

    @Autowired
    DueDates dueDates;

    @Test
    void extendingTheDueDateMovesTheReminderEscalationAndClosingTimers() {
        // One reminder, 7 days before: the timers' moves are the point here (RemindersIT has the loop).
        ReviewCycle cycle = openAnnualReview("due-extend", List.of(7), "EGY");
        WorkItem submit = submitTask(cycle, "EGY");
        String review = participantReview(cycle.id(), "EGY");
        Instant oldDue = cycle.submissionDue();
        Instant newDue = oldDue.plus(Duration.ofDays(10));

        ResponseEntity<JsonNode> answer = put("manager", submit.id(), newDue, "Ministry reorganisation");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(Instant.parse(answer.getBody().path("task").path("dueAt").asText()))
                .isEqualTo(newDue);
        assertThat(answer.getBody().path("timers")).hasSize(3);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(submit.id())
                        .singleResult()
                        .getDueDate()
                        .toInstant())
                .isEqualTo(newDue);
        assertThat(jdbc.sql("select due_at from work_item where task_id = ?")
                        .param(submit.id())
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(newDue);
        assertThat(timerDue(review, ParticipantReviewModel.TIMER_SUBMISSION_REMINDER))
                .isEqualTo(cycle.reminderAt().plus(Duration.ofDays(10)));
        assertThat(timerDue(review, ParticipantReviewModel.TIMER_SUBMISSION_OVERDUE))
                .isEqualTo(newDue);
        assertThat(timerDue(review, ParticipantReviewModel.TIMER_SUBMISSION_WINDOW_CLOSED))
                .isEqualTo(cycle.windowClosesAt().plus(Duration.ofDays(10)));
        // A report returned later gets its next submission task from the moved dates.
        assertThat(((Date) engine.getRuntimeService().getVariable(review, AnnualReviewModel.VAR_SUBMISSION_DUE))
                        .toInstant())
                .isEqualTo(newDue);

        // Past the old reminder time and the old due date: nothing fires.
        setClock(oldDue.plusSeconds(60));
        runDueJobs(review);
        assertThat(passed(review, ParticipantReviewModel.TASK_SEND_REMINDER)).isZero();
        assertThat(passed(review, ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT))
                .isZero();
        // Past the new reminder time: the reminder; past the new due date: the escalation.
        setClock(cycle.reminderAt().plus(Duration.ofDays(10)).plusSeconds(60));
        runDueJobs(review);
        assertThat(passed(review, ParticipantReviewModel.TASK_SEND_REMINDER)).isEqualTo(1);
        assertThat(passed(review, ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT))
                .isZero();
        setClock(newDue.plusSeconds(60));
        runDueJobs(review);
        assertThat(passed(review, ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT))
                .isEqualTo(1);

        Map<String, Object> audit = jdbc.sql(
                        "select actor, reason, before ->> 'dueAt' as before_due, after ->> 'dueAt' as after_due,"
                                + " after ->> 'Timer_SubmissionReminder' as reminder"
                                + " from audit_event where action = 'TASK_DUE_DATE_CHANGED' and object_id = ?")
                .param(submit.id())
                .query()
                .singleRow();
        assertThat(audit.get("actor")).isEqualTo("manager");
        assertThat(audit.get("reason")).isEqualTo("Ministry reorganisation");
        assertThat(Instant.parse((String) audit.get("before_due"))).isEqualTo(oldDue);
        assertThat(Instant.parse((String) audit.get("after_due"))).isEqualTo(newDue);
        assertThat(Instant.parse((String) audit.get("reminder")))
                .isEqualTo(cycle.reminderAt().plus(Duration.ofDays(10)));
    }

    @Test
    void aReminderAlreadySentIsNotArmedAgainAndAWindowCanBeShortened() {
        ReviewCycle cycle = openAnnualReview("due-fired", List.of(7), "JOR");
        WorkItem submit = submitTask(cycle, "JOR");
        String review = participantReview(cycle.id(), "JOR");
        setClock(cycle.reminderAt().plusSeconds(60));
        runDueJobs(review);
        assertThat(passed(review, ParticipantReviewModel.TASK_SEND_REMINDER)).isEqualTo(1);

        // The secretariat brings the due date forward by two days: the reminder has fired and
        // stays fired; the escalation and the closing come two days earlier.
        Instant earlier = cycle.submissionDue().minus(Duration.ofDays(2));
        DueDates.DueDateChange change =
                dueDates.change(submit.id(), earlier, "Meeting moved forward", Users.SECRETARIAT);

        assertThat(change.timers())
                .extracting(DueDates.MovedTimer::timerId)
                .containsExactlyInAnyOrder(
                        ParticipantReviewModel.TIMER_SUBMISSION_OVERDUE,
                        ParticipantReviewModel.TIMER_SUBMISSION_WINDOW_CLOSED);
        assertThat(timerDue(review, ParticipantReviewModel.TIMER_SUBMISSION_OVERDUE))
                .isEqualTo(earlier);
        setClock(earlier.plusSeconds(60));
        runDueJobs(review);
        assertThat(passed(review, ParticipantReviewModel.TASK_SEND_REMINDER)).isEqualTo(1);
        assertThat(passed(review, ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT))
                .isEqualTo(1);
    }

    @Test
    void badDatesAndMissingReasonsAreRefusedNamingTheField() {
        ReviewCycle cycle = openAnnualReview("due-refused", "MAR");
        WorkItem submit = submitTask(cycle, "MAR");

        ResponseEntity<JsonNode> past = put("manager", submit.id(), START.minus(DAY), "Too late");
        assertThat(past.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(past)).containsExactly("dueAt");
        ResponseEntity<JsonNode> far = put("manager", submit.id(), START.plus(Duration.ofDays(400)), "Far");
        assertThat(far.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(far)).containsExactly("dueAt");
        assertThat(far.getBody().path("errors").get(0).path("message").asText()).contains("366");
        ResponseEntity<JsonNode> noReason = put("secretariat", submit.id(), START.plus(Duration.ofDays(40)), " ");
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(noReason)).containsExactly("reason");
        ResponseEntity<JsonNode> unchanged = put("manager", submit.id(), cycle.submissionDue(), "Same");
        assertThat(unchanged.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(unchanged)).containsExactly("dueAt");

        assertThat(put("fp-mar", submit.id(), START.plus(Duration.ofDays(40)), "Mine")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(put("manager", "no-such-task", START.plus(Duration.ofDays(40)), "Why")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TASK_DUE_DATE_CHANGED' and object_id = ?")
                        .param(submit.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(submitTask(cycle, "MAR").dueAt()).isEqualTo(cycle.submissionDue());
    }

    @Test
    void aTaskWithoutADueDateHasNoneToMove() {
        ReviewCycle cycle = openAnnualReview("due-none", "EGY");
        setClock(cycle.submissionDue().plusSeconds(60));
        runCycleJobs(cycle.id());
        WorkItem escalation = managerEscalation(cycle);
        assertThat(escalation.dueAt()).isNull();
        ResponseEntity<JsonNode> answer = put("manager", escalation.id(), START.plus(Duration.ofDays(60)), "Why");
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void twoManagersMovingTheSameDueDateAtOnceMoveTheTimersOnce() throws Exception {
        ReviewCycle cycle = openAnnualReview("due-race", "JOR");
        WorkItem submit = submitTask(cycle, "JOR");
        String review = participantReview(cycle.id(), "JOR");
        Instant newDue = cycle.submissionDue().plus(Duration.ofDays(5));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = List.of("manager", "secretariat").stream()
                .map(who -> pool.submit(() -> {
                    start.await();
                    return put(who, submit.id(), newDue, "Both at once")
                            .getStatusCode()
                            .value();
                }))
                .toList();
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        // The second waits for the first, then finds the date already set.
        assertThat(statuses).containsExactlyInAnyOrder(200, 400);
        assertThat(timerDue(review, ParticipantReviewModel.TIMER_SUBMISSION_OVERDUE))
                .isEqualTo(newDue);
    }

    @Test
    void theTaskPageShowsTheTimersAndItsFormMovesThem() {
        ReviewCycle cycle = openAnnualReview("due-page", "EGY");
        WorkItem submit = submitTask(cycle, "EGY");
        FormClient manager = new FormClient(http.getRootUri());
        manager.signIn("manager", "demo");
        HttpResponse<String> team = manager.get("/team?cycleId=" + cycle.id());
        assertThat(team.body()).contains("/tasks/" + submit.id() + "/due-date");
        String page = "/tasks/" + submit.id() + "/due-date";
        HttpResponse<String> shown = manager.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("data-timer=\"Timer_SubmissionReminder\"", "Reminder to the focal points");

        HttpResponse<String> refused = manager.post(page, page, Map.of("dueAt", "2026-01-01T10:00", "reason", "x"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(manager.get(page).body()).contains("The new due date must be in the future.");

        HttpResponse<String> saved =
                manager.post(page, page, Map.of("dueAt", "2027-02-20T12:00", "reason", "Elections"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(manager.get(page).body()).contains("Due date changed.");
        assertThat(submitTask(cycle, "EGY").dueAt()).isEqualTo(Instant.parse("2027-02-20T12:00:00Z"));

        FormClient focalPoint = new FormClient(http.getRootUri());
        focalPoint.signIn("fp-egy", "demo");
        assertThat(focalPoint.get(page).statusCode()).isEqualTo(403);
    }

    private WorkItem submitTask(ReviewCycle cycle, String participant) {
        return tasks.list(
                        Users.SECRETARIAT,
                        new WorkItemFilter(
                                true, cycle.id(), participant, null, ParticipantReviewModel.TASK_SUBMIT_REPORT, null),
                        new PageRequest(0, 5))
                .items()
                .get(0);
    }

    private Instant timerDue(String processInstanceId, String timerId) {
        Job job = management
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(timerId)
                .singleResult();
        return job.getDuedate().toInstant();
    }

    private long passed(String processInstanceId, String activityId) {
        return engine.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .activityId(activityId)
                .count();
    }

    private ResponseEntity<JsonNode> put(String who, String taskId, Instant dueAt, String reason) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"dueAt\":\"" + dueAt + "\",\"reason\":\"" + reason + "\"}";
        return as(who).exchange(
                        "/api/v1/tasks/" + taskId + "/due-date",
                        HttpMethod.PUT,
                        new HttpEntity<>(body, headers),
                        JsonNode.class);
    }

    private static List<String> fields(ResponseEntity<JsonNode> answer) {
        List<String> fields = new java.util.ArrayList<>();
        answer.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
