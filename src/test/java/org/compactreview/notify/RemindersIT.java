package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.DueDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 15, several reminders per cycle: the participant review's reminder loop reminds the two
 * focal points of the Federated States of Micronesia (users of this test alone, at a domain of its
 * own) once for each reminder day reached, exactly one mail each time; days already past collapse
 * into one reminder; a submitted report ends the loop; a moved due date moves the next reminder;
 * a cycle's own days are honoured. Mails are counted by the Message-ID of each reminder's event.
 */
class RemindersIT extends IntegrationTest {

    static final String PARTICIPANT = "FSM";
    static final String DOMAIN = "fsm.reminder.test";
    static final CurrentUser ENGLISH = new CurrentUser("fp-fsm-rem-en", Set.of(Role.FOCAL_POINT), Set.of(PARTICIPANT));
    static final CurrentUser FRENCH = new CurrentUser("fp-fsm-rem-fr", Set.of(Role.FOCAL_POINT), Set.of(PARTICIPANT));

    @Autowired
    UserDirectory directory;

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    MailRelay relay;

    @Autowired
    MailProperties properties;

    @Autowired
    DueDates dueDates;

    @Autowired
    SubmissionReminder reminder;

    @BeforeEach
    void focalPoints() {
        focalPoint(ENGLISH, "en");
        focalPoint(FRENCH, "fr");
        relay.drain();
    }

    @Test
    void threeRemindersAtFourteenSevenAndOneDaysEachOneMailPerFocalPoint() {
        ReviewCycle cycle = open(30, null);
        Instant due = cycle.submissionDue();
        ProcessInstance review = review(cycle);
        runCycleJobs(cycle.id());
        relay.drain();
        assertThat(reminderKeys(cycle, ENGLISH)).isEmpty();

        at(due, 14, cycle);
        assertThat(reminderKeys(cycle, ENGLISH)).containsExactly(key(cycle, due, 14));
        assertOneMailEach(key(cycle, due, 14));
        assertThat(subject(ENGLISH, key(cycle, due, 14))).contains("Reminder").contains("Micronesia");
        assertThat(review).isWaitingAt(ParticipantReviewModel.TIMER_NEXT_REMINDER);

        at(due, 7, cycle);
        assertOneMailEach(key(cycle, due, 7));
        at(due, 1, cycle);
        assertOneMailEach(key(cycle, due, 1));
        assertThat(reminderKeys(cycle, FRENCH))
                .containsExactlyInAnyOrder(key(cycle, due, 14), key(cycle, due, 7), key(cycle, due, 1));
        assertThat(review)
                .hasPassed(ParticipantReviewModel.END_REMINDER_SENT)
                .isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);

        // A retried job (the same step again) reminds nobody twice.
        assertThat(reminder.remind(cycle.id(), PARTICIPANT, Date.from(due), null)
                        .reminded())
                .isZero();
        relay.drain();
        assertOneMailEach(key(cycle, due, 1));
    }

    @Test
    void aCycleOpenedThreeDaysAheadRemindsAtOnceThenAtOneDay() {
        ReviewCycle cycle = open(3, null);
        Instant due = cycle.submissionDue();
        runCycleJobs(cycle.id());
        relay.drain();
        assertThat(reminderKeys(cycle, ENGLISH)).as("14 and 7 collapse into 7").containsExactly(key(cycle, due, 7));
        assertOneMailEach(key(cycle, due, 7));

        setClock(due.minus(Duration.ofDays(2)));
        runCycleJobs(cycle.id());
        relay.drain();
        assertThat(reminderKeys(cycle, ENGLISH)).hasSize(1);
        at(due, 1, cycle);
        assertThat(reminderKeys(cycle, ENGLISH)).containsExactlyInAnyOrder(key(cycle, due, 7), key(cycle, due, 1));
        assertOneMailEach(key(cycle, due, 1));
        assertThat(review(cycle)).hasPassed(ParticipantReviewModel.END_REMINDER_SENT);
    }

    @Test
    void noReminderAfterTheReportIsSubmitted() {
        ReviewCycle cycle = open(30, null);
        Instant due = cycle.submissionDue();
        ProcessInstance review = review(cycle);
        at(due, 14, cycle);
        assertOneMailEach(key(cycle, due, 14));

        Report report = reports.list(ENGLISH, cycle.id(), null).get(0);
        reports.saveDraft(report.id(), ENGLISH, report.lockVersion(), Entries.complete(2));
        reports.submit(report.id(), ENGLISH, null);
        at(due, 7, cycle);
        at(due, 1, cycle);
        assertThat(reminderKeys(cycle, ENGLISH)).containsExactly(key(cycle, due, 14));
        assertThat(reminderKeys(cycle, FRENCH)).containsExactly(key(cycle, due, 14));
        assertThat(review)
                .hasPassed(ParticipantReviewModel.END_REMINDER_SENT)
                .isWaitingAt(ParticipantReviewModel.TASK_VALIDATE_REPORT);
    }

    @Test
    void aDueDateMovedTenDaysLaterMovesTheNextReminder() {
        ReviewCycle cycle = open(30, null);
        Instant due = cycle.submissionDue();
        ProcessInstance review = review(cycle);
        at(due, 14, cycle);
        assertOneMailEach(key(cycle, due, 14));

        Instant moved = due.plus(Duration.ofDays(10));
        String submitTask = jdbc.sql(
                        "select task_id from work_item where cycle_id = ? and participant_code = ? and task_key = ?")
                .params(cycle.id(), PARTICIPANT, ParticipantReviewModel.TASK_SUBMIT_REPORT)
                .query(String.class)
                .single();
        dueDates.change(submitTask, moved, "Ministry reorganisation", Users.MANAGER);

        // The old 7-day date passes without a reminder: the loop waits for the moved one.
        at(due, 7, cycle);
        assertThat(reminderKeys(cycle, ENGLISH)).containsExactly(key(cycle, due, 14));
        assertThat(review).isWaitingAt(ParticipantReviewModel.TIMER_NEXT_REMINDER);
        assertThat(timerDue(review)).isEqualTo(moved.minus(Duration.ofDays(7)));

        at(moved, 7, cycle);
        assertThat(reminderKeys(cycle, ENGLISH)).containsExactlyInAnyOrder(key(cycle, due, 14), key(cycle, moved, 7));
        assertOneMailEach(key(cycle, moved, 7));
        at(moved, 1, cycle);
        assertOneMailEach(key(cycle, moved, 1));
        assertThat(reminderKeys(cycle, ENGLISH)).hasSize(3);
    }

    @Test
    void aCyclesOwnDaysAreHonoured() {
        ReviewCycle cycle = open(30, List.of(3));
        Instant due = cycle.submissionDue();
        assertThat(cycle.reminderDays()).containsExactly(3);
        assertThat(cycle.reminderAt()).isEqualTo(due.minus(Duration.ofDays(3)));
        at(due, 7, cycle);
        assertThat(reminderKeys(cycle, ENGLISH)).isEmpty();
        at(due, 3, cycle);
        assertOneMailEach(key(cycle, due, 3));
        at(due, 1, cycle);
        assertThat(reminderKeys(cycle, ENGLISH)).containsExactly(key(cycle, due, 3));
        assertThat(review(cycle)).hasPassed(ParticipantReviewModel.END_REMINDER_SENT);
    }

    @Test
    void theApiTakesReminderDaysAndKeepsAReminderDateWorking() {
        Instant due = START.plus(30, ChronoUnit.DAYS);
        Map<String, Object> request = cycleRequest(due);
        request.put("reminderDays", List.of(2, 10));
        ResponseEntity<JsonNode> opened = as("secretariat").postForEntity("/api/v1/cycles", request, JsonNode.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(opened.getBody().path("reminderDays").toString()).isEqualTo("[10,2]");
        assertThat(Instant.parse(opened.getBody().path("reminderAt").asText()))
                .isEqualTo(due.minus(Duration.ofDays(10)));

        Map<String, Object> legacy = cycleRequest(due);
        legacy.put("reminderAt", due.minus(Duration.ofDays(5)).toString());
        ResponseEntity<JsonNode> dated = as("secretariat").postForEntity("/api/v1/cycles", legacy, JsonNode.class);
        assertThat(dated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(dated.getBody().path("reminderDays").isNull()).isTrue();

        for (List<Integer> wrong : List.of(List.of(7, 7), List.of(0), List.of(91), List.of(1, 2, 3, 4, 5, 6))) {
            Map<String, Object> refused = cycleRequest(due);
            refused.put("reminderDays", wrong);
            ResponseEntity<JsonNode> answer =
                    as("secretariat").postForEntity("/api/v1/cycles", refused, JsonNode.class);
            assertThat(answer.getStatusCode()).as("%s", wrong).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().toString()).as("%s", wrong).contains("reminderDays");
        }
        Map<String, Object> both = cycleRequest(due);
        both.put("reminderDays", List.of(7));
        both.put("reminderAt", due.minus(Duration.ofDays(5)).toString());
        ResponseEntity<JsonNode> answer = as("secretariat").postForEntity("/api/v1/cycles", both, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().toString()).contains("reminderAt");
    }

    private Map<String, Object> cycleRequest(Instant due) {
        Map<String, Object> request = new HashMap<>();
        request.put("kind", "ANNUAL_REVIEW");
        request.put("period", uniquePeriod("api-rem"));
        request.put("participants", List.of(PARTICIPANT));
        request.put("submissionDue", due.toString());
        return request;
    }

    private ReviewCycle open(int daysAhead, List<Integer> reminderDays) {
        return cycles.open(
                new OpenCycleRequest(
                        CycleKind.ANNUAL_REVIEW,
                        uniquePeriod("reminders"),
                        List.of(PARTICIPANT),
                        START.plus(daysAhead, ChronoUnit.DAYS),
                        null,
                        null,
                        null,
                        reminderDays),
                Users.SECRETARIAT);
    }

    /** The engine clock a minute past {@code days} before {@code due}; the cycle's jobs run, the outbox is sent. */
    private void at(Instant due, int days, ReviewCycle cycle) {
        setClock(due.minus(Duration.ofDays(days)).plusSeconds(60));
        runCycleJobs(cycle.id());
        relay.drain();
    }

    private static String key(ReviewCycle cycle, Instant due, int days) {
        return "reminder:" + cycle.id() + ":" + PARTICIPANT + ":" + due + ":" + days + "d";
    }

    /** The reminders of the cycle in the user's bell, oldest first. */
    private List<String> reminderKeys(ReviewCycle cycle, CurrentUser user) {
        return jdbc.sql("select event_key from notice where username = ? and event_key like ? order by id")
                .params(user.username(), "reminder:" + cycle.id() + ":%")
                .query(String.class)
                .list();
    }

    private void assertOneMailEach(String eventKey) {
        for (CurrentUser user : List.of(ENGLISH, FRENCH)) {
            assertThat(mails(user, eventKey))
                    .as(user.username() + " " + eventKey)
                    .hasSize(1);
        }
    }

    private List<MimeMessage> mails(CurrentUser user, String eventKey) {
        String id = MessageIds.forNotice(eventKey, user.username(), properties.domain());
        return Arrays.stream(MAIL.getReceivedMessagesForDomain(user.username() + "@" + DOMAIN))
                .filter(m -> id.equals(messageId(m)))
                .toList();
    }

    private String subject(CurrentUser user, String eventKey) {
        try {
            return mails(user, eventKey).get(0).getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProcessInstance review(ReviewCycle cycle) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(ParticipantReviewModel.businessKey(cycle.id(), PARTICIPANT))
                .singleResult();
    }

    private Instant timerDue(ProcessInstance review) {
        return management
                .createJobQuery()
                .processInstanceId(review.getId())
                .activityId(ParticipantReviewModel.TIMER_NEXT_REMINDER)
                .singleResult()
                .getDuedate()
                .toInstant();
    }

    private void focalPoint(CurrentUser user, String locale) {
        UserDraft draft = new UserDraft(
                "Micronesia focal point " + locale,
                user.username() + "@" + DOMAIN,
                locale,
                true,
                Set.of(Role.FOCAL_POINT),
                Set.of(PARTICIPANT));
        directory.ensureExists(user.username(), "reminder-password", draft);
        directory.update(user.username(), draft);
    }
}
