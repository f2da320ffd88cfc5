package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.Absences;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.DelegationService;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.SectionDelegation;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.Reassignment;
import org.compactreview.task.Reassignments;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.TaskHandedOver;
import org.compactreview.task.TaskSelection;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work changing hands tells both sides, once each, in their language, in the bell and by mail,
 * with a link to the work: a manager's reassignment (one task through the API, then the same task
 * back through the bulk service, with its reason), an out-of-office period beginning and ending
 * with the clock, a delegation of report sections handed out, handed back and taken back. A retried
 * move tells nobody again; a claim by the person themself tells nobody; a focal point of another
 * participant never hears of the Marshall Islands' task. Users of our own at {@value #DOMAIN}.
 */
class HandOverNoticesIT extends IntegrationTest {

    static final String DOMAIN = "mhl.handover.test";
    static final String PASSWORD = "handover-password";
    static final String MHL = "MHL";

    @Autowired
    UserDirectory directory;

    @Autowired
    TaskGateway tasks;

    @Autowired
    Reassignments reassignments;

    @Autowired
    Absences absences;

    @Autowired
    ReportService reports;

    @Autowired
    DelegationService delegations;

    @Autowired
    MailRelay relay;

    @Autowired
    Notifications notifications;

    @Autowired
    MailProperties properties;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aReassignmentTellsTheNewAndThePreviousHolderOnceEachInTheirLanguage() throws Exception {
        String a = user("ho-a", "fr", Role.FOCAL_POINT);
        String b = user("ho-b", "ar", Role.FOCAL_POINT);
        ReviewCycle cycle = openAnnualReview("handover", MHL);
        WorkItem task = submitTask(cycle);
        relay.drain();
        int mailsOfA = received(a).size();
        int mailsOfB = received(b).size();

        tasks.claim(task.id(), focalPoint(a));
        relay.drain();
        assertThat(received(a))
                .as("a claim by the person themself tells nobody")
                .hasSize(mailsOfA);
        int unreadOfB = notifications.unread(b);

        assertThat(reassign(task.id(), b).getStatusCode().value()).isEqualTo(200);
        relay.drain();
        MimeMessage toB = onlyNew(b, mailsOfB);
        assertThat(toB.getSubject()).contains("أُسندت إليك");
        assertThat(NotificationsIT.html(toB))
                .contains("dir=\"rtl\"")
                .contains(properties.baseUrl() + "/reports/" + task.reportId());
        assertThat(NotificationsIT.text(toB)).contains(displayName(a));
        MimeMessage fromA = onlyNew(a, mailsOfA);
        assertThat(fromA.getSubject()).contains("Tâche confiée à une autre personne");
        assertThat(NotificationsIT.text(fromA))
                .contains(properties.baseUrl() + "/inbox")
                .contains(displayName(b))
                .contains("Vous n'avez plus à y travailler");
        assertThat(notifications.unread(b)).isEqualTo(unreadOfB + 1);
        assertThat(notices(b)).contains("TASK_HANDED_TO /reports/" + task.reportId() + " " + a);
        assertThat(notices(a)).contains("TASK_TAKEN_FROM /inbox " + b);

        assertThat(reassign(task.id(), b).getStatusCode().value())
                .as("the same request again")
                .isEqualTo(200);
        relay.drain();
        assertThat(received(a)).as("a retried move tells nobody").hasSize(mailsOfA + 1);
        assertThat(received(b)).hasSize(mailsOfB + 1);

        // The same task moved again (the workload page's bulk move, with its reason): told again.
        Reassignment back = reassignments.reassign(
                Users.MANAGER, TaskSelection.ofTasks(List.of(task.id())), a, "Back to the lead author");
        assertThat(back.moved()).hasSize(1);
        relay.drain();
        List<MimeMessage> ofA = received(a);
        assertThat(ofA).hasSize(mailsOfA + 2);
        MimeMessage handedToA = ofA.get(ofA.size() - 1);
        assertThat(handedToA.getSubject()).contains("Tâche qui vous est confiée");
        assertThat(NotificationsIT.text(handedToA)).contains("Back to the lead author");
        List<MimeMessage> ofB = received(b);
        assertThat(ofB).hasSize(mailsOfB + 2);
        assertThat(ofB.get(ofB.size() - 1).getSubject()).contains("لم تعد لديك");
        assertThat(handedToA.getMessageID()).isNotEqualTo(fromA.getMessageID());

        assertThat(reassignments
                        .reassign(Users.MANAGER, TaskSelection.ofTasks(List.of(task.id())), a, "Again")
                        .notMoved())
                .extracting(Reassignment.NotMoved::reason)
                .containsExactly(Reassignment.Reason.ALREADY_ASSIGNED);
        relay.drain();
        assertThat(received(a)).hasSize(mailsOfA + 2);
        assertThat(received(b)).hasSize(mailsOfB + 2);
    }

    @Test
    void anAbsenceHandsTheTaskToTheSubstituteAndBackTellingBothSidesEachTime() throws Exception {
        String away = user("ho-away", "ru", Role.FOCAL_POINT);
        String substitute = user("ho-sub", "zh", Role.FOCAL_POINT);
        ReviewCycle cycle = openAnnualReview("handover-ooo", MHL);
        WorkItem task = submitTask(cycle);
        tasks.claim(task.id(), focalPoint(away));
        relay.drain();
        int mailsAway = received(away).size();
        int mailsSubstitute = received(substitute).size();

        Instant from = START.plus(Duration.ofDays(1));
        Instant to = START.plus(Duration.ofDays(8));
        ResponseEntity<JsonNode> set = call(
                away,
                HttpMethod.POST,
                "/api/v1/me/absences",
                "{\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\",\"substitute\":\"" + substitute + "\"}");
        assertThat(set.getStatusCode().value()).isEqualTo(201);
        relay.drain();
        assertThat(received(substitute)).as("nothing before it starts").hasSize(mailsSubstitute);

        setClock(from.plusSeconds(30));
        absences.runDue();
        relay.drain();
        MimeMessage toSubstitute = onlyNew(substitute, mailsSubstitute);
        assertThat(toSubstitute.getSubject()).contains("移交给您的任务");
        assertThat(NotificationsIT.html(toSubstitute))
                .contains("lang=\"zh\"")
                .contains(properties.baseUrl() + "/reports/" + task.reportId());
        assertThat(NotificationsIT.text(toSubstitute)).contains(displayName(away));
        MimeMessage fromAway = onlyNew(away, mailsAway);
        assertThat(fromAway.getSubject()).contains("Больше не у вас");
        assertThat(NotificationsIT.text(fromAway)).contains(displayName(substitute));

        setClock(to.plusSeconds(30));
        absences.runDue();
        absences.runDue();
        relay.drain();
        List<MimeMessage> ofAway = received(away);
        assertThat(ofAway).hasSize(mailsAway + 2);
        assertThat(ofAway.get(ofAway.size() - 1).getSubject()).contains("Передано вам");
        List<MimeMessage> ofSubstitute = received(substitute);
        assertThat(ofSubstitute).hasSize(mailsSubstitute + 2);
        assertThat(ofSubstitute.get(ofSubstitute.size() - 1).getSubject()).contains("任务已移交他人");
        assertThat(notices(away)).contains("TASK_HANDED_TO /reports/" + task.reportId() + " " + substitute);
        assertThat(notices(substitute)).contains("TASK_TAKEN_FROM /inbox " + away);
    }

    @Test
    void sectionsHandedOutBackAndTakenBackTellTheContributorOrTheFocalPoints() throws Exception {
        String lead = user("ho-lead", "en", Role.FOCAL_POINT);
        String other = user("ho-fp", "fr", Role.FOCAL_POINT);
        String contributor = user("ho-contrib", "es", Role.CONTRIBUTOR);
        ReviewCycle cycle = openAnnualReview("handover-sections", MHL);
        Report report = reports.list(focalPoint(lead), cycle.id(), null).get(0);
        relay.drain();
        int mailsLead = received(lead).size();
        int mailsOther = received(other).size();
        int mailsContributor = received(contributor).size();

        SectionDelegation first =
                delegations.delegate(report.id(), focalPoint(lead), contributor, List.of(3, 5), "Labour sections");
        relay.drain();
        MimeMessage delegated = onlyNew(contributor, mailsContributor);
        assertThat(delegated.getSubject()).contains("Secciones por redactar").contains("Marshall");
        assertThat(NotificationsIT.text(delegated))
                .contains(properties.baseUrl() + "/reports/" + report.id())
                .contains("Labour sections")
                .contains(displayName(lead));
        assertThat(received(lead)).hasSize(mailsLead);
        assertThat(notices(contributor)).contains("SECTION_DELEGATED /reports/" + report.id() + " " + lead);

        delegations.handBack(first.id(), new CurrentUser(contributor, Set.of(Role.CONTRIBUTOR), Set.of()));
        relay.drain();
        MimeMessage toLead = onlyNew(lead, mailsLead);
        assertThat(toLead.getSubject()).contains("Sections handed back");
        assertThat(NotificationsIT.text(toLead))
                .contains(properties.baseUrl() + "/reports/" + report.id())
                .contains(displayName(contributor));
        assertThat(onlyNew(other, mailsOther).getSubject()).contains("Sections rendues");
        assertThat(received(contributor)).hasSize(mailsContributor + 1);

        SectionDelegation second = delegations.delegate(report.id(), focalPoint(other), contributor, List.of(7), null);
        delegations.revoke(second.id(), focalPoint(lead), "Given to the finance ministry");
        relay.drain();
        List<MimeMessage> ofContributor = received(contributor);
        assertThat(ofContributor).hasSize(mailsContributor + 3);
        MimeMessage revoked = ofContributor.get(ofContributor.size() - 1);
        assertThat(revoked.getSubject()).contains("Secciones retiradas");
        assertThat(NotificationsIT.text(revoked))
                .contains(properties.baseUrl() + "/my-sections")
                .contains("Given to the finance ministry");
        assertThat(received(lead))
                .as("focal points hear of a hand-back, not of their own revocation")
                .hasSize(mailsLead + 1);
        assertThat(received(other)).hasSize(mailsOther + 1);
    }

    @Test
    void aFocalPointOfAnotherParticipantNeverHearsOfTheTask() throws Exception {
        String holder = user("ho-holder", "en", Role.FOCAL_POINT);
        String outsider = userOf("ho-outsider", "en", Role.FOCAL_POINT, "TUV");
        String contributorElsewhere = userOf("ho-contrib-tuv", "en", Role.CONTRIBUTOR, "TUV");
        ReviewCycle cycle = openAnnualReview("handover-scope", MHL);
        WorkItem task = submitTask(cycle);
        tasks.claim(task.id(), focalPoint(holder));
        relay.drain();
        int mailsHolder = received(holder).size();

        assertThat(reassign(task.id(), outsider).getStatusCode().value())
                .as("not a candidate of the task")
                .isEqualTo(400);
        // Even an event naming them (a bug elsewhere) tells only those who see the participant.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new TaskHandedOver(
                    task, holder, outsider, TaskHandedOver.Reason.REASSIGNED, null, "scope-" + System.nanoTime()));
            events.publishEvent(new TaskHandedOver(
                    task,
                    holder,
                    contributorElsewhere,
                    TaskHandedOver.Reason.REASSIGNED,
                    null,
                    "scope-" + System.nanoTime()));
        });
        relay.drain();
        assertThat(received(outsider)).isEmpty();
        assertThat(received(contributorElsewhere)).isEmpty();
        assertThat(notices(outsider)).isEmpty();
        assertThat(notices(contributorElsewhere)).isEmpty();
        assertThat(received(holder)).as("the filter is per recipient").hasSize(mailsHolder + 2);
    }

    @Test
    void twoManagersMovingTheSameTaskAtOnceTellOnlyWhatCommitted() throws Exception {
        String holder = user("ho-race-a", "en", Role.FOCAL_POINT);
        String toB = user("ho-race-b", "en", Role.FOCAL_POINT);
        String toC = user("ho-race-c", "en", Role.FOCAL_POINT);
        ReviewCycle cycle = openAnnualReview("handover-race", MHL);
        WorkItem task = submitTask(cycle);
        tasks.claim(task.id(), focalPoint(holder));

        var pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reassignment>> moves = new ArrayList<>();
        for (String target : List.of(toB, toC)) {
            moves.add(pool.submit(() -> {
                start.await();
                return reassignments.reassign(
                        Users.MANAGER, TaskSelection.ofTasks(List.of(task.id())), target, "Workload balance");
            }));
        }
        start.countDown();
        int moved = 0;
        for (int i = 0; i < moves.size(); i++) {
            Reassignment outcome = moves.get(i).get(60, TimeUnit.SECONDS);
            String target = i == 0 ? toB : toC;
            assertThat(handedTo(task.id(), target))
                    .as("told %s exactly when the move to them committed", target)
                    .isEqualTo(outcome.moved().size());
            moved += outcome.moved().size();
        }
        pool.shutdown();
        assertThat(moved).isPositive();
        assertThat(jdbc.sql("select count(*) from notice where event_key like ? and kind = 'TASK_TAKEN_FROM'")
                        .param("handover:" + task.id() + ":%")
                        .query(Integer.class)
                        .single())
                .as("each committed move tells the one it was taken from")
                .isEqualTo(moved);
        String now = engine.getTaskService()
                .createTaskQuery()
                .taskId(task.id())
                .singleResult()
                .getAssignee();
        assertThat(notices(now)).last().asString().startsWith("TASK_HANDED_TO");
    }

    private int handedTo(String taskId, String username) {
        return jdbc.sql(
                        "select count(*) from notice where event_key like ? and username = ? and kind = 'TASK_HANDED_TO'")
                .params("handover:" + taskId + ":%", username)
                .query(Integer.class)
                .single();
    }

    private String user(String prefix, String locale, Role role) {
        return userOf(prefix, locale, role, MHL);
    }

    private String userOf(String prefix, String locale, Role role, String participant) {
        String username = prefix + "-" + Long.toString(System.nanoTime(), 36);
        directory.create(
                username,
                PASSWORD,
                new UserDraft(
                        "Name of " + username,
                        username + "@" + DOMAIN,
                        locale,
                        true,
                        Set.of(role),
                        Set.of(participant)));
        return username;
    }

    private static String displayName(String username) {
        return "Name of " + username;
    }

    private static CurrentUser focalPoint(String username) {
        return new CurrentUser(username, Set.of(Role.FOCAL_POINT), Set.of(MHL));
    }

    private WorkItem submitTask(ReviewCycle cycle) {
        return tasks.list(
                        Users.SECRETARIAT,
                        new WorkItemFilter(
                                true, cycle.id(), MHL, null, ParticipantReviewModel.TASK_SUBMIT_REPORT, null),
                        new PageRequest(0, 5))
                .items()
                .get(0);
    }

    private ResponseEntity<JsonNode> reassign(String taskId, String to) {
        return call(
                "manager", HttpMethod.POST, "/api/v1/tasks/" + taskId + "/assignee", "{\"username\":\"" + to + "\"}");
    }

    private ResponseEntity<JsonNode> call(String who, HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String password = who.startsWith("ho-") ? PASSWORD : "demo";
        return http.withBasicAuth(who, password).exchange(url, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** The user's notices (the bell), as "KIND link other". */
    private List<String> notices(String username) {
        return jdbc.sql("select kind || ' ' || coalesce(link, '') || ' ' || coalesce(other_user, '') from notice"
                        + " where username = ? order by id")
                .param(username)
                .query(String.class)
                .list();
    }

    private static List<MimeMessage> received(String username) {
        return List.of(MAIL.getReceivedMessagesForDomain(username + "@" + DOMAIN));
    }

    private static MimeMessage onlyNew(String username, int before) {
        List<MimeMessage> mails = received(username);
        assertThat(mails).as("one new mail for " + username).hasSize(before + 1);
        return mails.get(before);
    }
}
