package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.DueDates;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The personal calendar feed over real HTTP without a session, read by a strict parser (ical4j):
 * the right events for the right user, a moved due date on the next fetch under the same UID, and
 * an address that stops when rotated, turned off, or when its owner is disabled.
 */
class CalendarFeedIT extends IntegrationTest {

    private static final Pattern FEED_URL = Pattern.compile("id=\"calendar-url\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    CalendarFeeds feeds;

    @Autowired
    TaskGateway tasks;

    @Autowired
    DueDates dueDates;

    @Autowired
    CycleService cycles;

    @Autowired
    UserDirectory users;

    private final HttpClient calendarApp = HttpClient.newHttpClient();

    @Test
    void aFocalPointsFeedHoldsItsDueDatesAndMeetingAndFollowsAMovedDueDate() throws Exception {
        feeds.turnOff(Users.FP_EGY);
        ReviewCycle cycle = openAnnualReview("calendar", "EGY", "JOR");
        // The meeting date is set when the secretariat prepares the meeting, after consolidation:
        // set here directly, as that step would leave it.
        jdbc.sql("update review_cycle set meeting_date = ? where id = ?")
                .params(LocalDate.of(2027, 5, 20), cycle.id())
                .update();
        WorkItem egypt = submitTask(cycle, "EGY");
        WorkItem jordan = submitTask(cycle, "JOR");

        FormClient page = new FormClient(http.getRootUri());
        page.signIn("fp-egy", "demo");
        HttpResponse<String> created = page.post("/calendar", "/calendar", Map.of());
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        String url = feedUrl(created.body());
        assertThat(url).startsWith("http://localhost:8080/calendar/").endsWith(".ics");
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        // Shown once: the page afterwards says a feed exists, never the address again.
        HttpResponse<String> later = page.get("/calendar");
        assertThat(later.body()).contains("id=\"calendar-on\"").doesNotContain(token);
        // Only the hash is stored.
        assertThat(jdbc.sql("select token_hash from calendar_feed where username = 'fp-egy'")
                        .query(String.class)
                        .single())
                .isEqualTo(CalendarFeeds.hash(token))
                .doesNotContain(token);

        HttpResponse<String> answer = fetch(token);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow().toLowerCase())
                .isEqualTo("text/calendar;charset=utf-8");
        assertThat(answer.headers().firstValue("Cache-Control").orElseThrow())
                .contains("private")
                .contains("max-age=300");
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        CalendarDocument feed = CalendarDocument.parse(answer.body());

        Component due = feed.event("task-" + egypt.id() + "@compact-review");
        assertThat(CalendarDocument.valueOf(due, Property.DTSTART)).isEqualTo(utc(cycle.submissionDue()));
        assertThat(CalendarDocument.valueOf(due, Property.SUMMARY)).isEqualTo("Due: Submit progress report – Egypt");
        assertThat(CalendarDocument.valueOf(due, Property.URL))
                .isEqualTo("http://localhost:8080/reports/" + egypt.reportId());
        assertThat(CalendarDocument.valueOf(due, Property.SEQUENCE)).isEqualTo("0");
        assertThat(feed.events).doesNotContainKey("task-" + jordan.id() + "@compact-review");
        assertThat(feed.events.keySet()).allMatch(uid -> !uid.startsWith("task-") || ownTask(uid));

        Component meeting = feed.event("meeting-" + cycle.id() + "@compact-review");
        assertThat(CalendarDocument.valueOf(meeting, Property.DTSTART)).isEqualTo("20270520");
        assertThat(CalendarDocument.valueType(meeting, Property.DTSTART)).contains("DATE");
        assertThat(CalendarDocument.valueOf(meeting, Property.DTEND)).isEqualTo("20270521");
        assertThat(CalendarDocument.valueOf(meeting, Property.URL))
                .isEqualTo("http://localhost:8080/reports/" + egypt.reportId());

        // A manager moves the due date: the next fetch has the new date, under the same UID, revised.
        Instant moved = cycle.submissionDue().plus(Duration.ofDays(9));
        dueDates.change(egypt.id(), moved, "Ministry reorganisation", Users.MANAGER);
        setClock(START.plus(Duration.ofHours(1)));
        CalendarDocument after = CalendarDocument.parse(fetch(token).body());
        Component movedDue = after.event("task-" + egypt.id() + "@compact-review");
        assertThat(CalendarDocument.valueOf(movedDue, Property.DTSTART)).isEqualTo(utc(moved));
        assertThat(CalendarDocument.valueOf(movedDue, Property.SEQUENCE)).isEqualTo("1");
        assertThat(CalendarDocument.valueOf(movedDue, Property.LAST_MODIFIED))
                .isEqualTo(utc(START.plus(Duration.ofHours(1))));
        // Fetched again unchanged: the same revision.
        assertThat(CalendarDocument.valueOf(
                        CalendarDocument.parse(fetch(token).body()).event("task-" + egypt.id() + "@compact-review"),
                        Property.SEQUENCE))
                .isEqualTo("1");
    }

    @Test
    void rotatingStopsTheOldAddressAndTurningOffStopsTheNewOne() throws Exception {
        feeds.turnOff(Users.FP_JOR);
        String first = token(feeds.create(Users.FP_JOR).url());
        assertThat(fetch(first).statusCode()).isEqualTo(200);

        FormClient page = new FormClient(http.getRootUri());
        page.signIn("fp-jor", "demo");
        // Rotating asks first: nothing changes until it is confirmed.
        HttpResponse<String> asked = page.post("/calendar", "/calendar/rotate", Map.of());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"confirm-form\"");
        assertThat(fetch(first).statusCode()).isEqualTo(200);

        HttpResponse<String> rotated = page.post("/calendar", "/calendar/rotate", Map.of("confirmed", "true"));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = token(feedUrl(rotated.body()));
        assertThat(second).isNotEqualTo(first);
        HttpResponse<String> old = fetch(first);
        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(old.body()).isEmpty();
        assertThat(fetch(second).statusCode()).isEqualTo(200);

        HttpResponse<String> off = page.post("/calendar", "/calendar/turn-off", Map.of("confirmed", "true"));
        assertThat(off.statusCode()).isEqualTo(302);
        assertThat(fetch(second).statusCode()).isEqualTo(404);
        assertThat(page.get("/calendar").body()).contains("id=\"calendar-create\"");

        assertThat(jdbc.sql(
                                """
                                select action from audit_event where object_type = 'calendar-feed'
                                  and object_id = 'fp-jor' order by id desc limit 3
                                """)
                        .query(String.class)
                        .list())
                .containsExactly("CALENDAR_FEED_TURNED_OFF", "CALENDAR_FEED_ROTATED", "CALENDAR_FEED_CREATED");
    }

    @Test
    void noSessionIsNeededButNothingAnswersWithoutALiveToken() throws Exception {
        assertThat(fetch("A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(fetch("not-a-token").statusCode()).isEqualTo(404);
        HttpResponse<String> signedOut = calendarApp.send(
                HttpRequest.newBuilder(URI.create(http.getRootUri() + "/calendar/" + "B".repeat(43) + ".ics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // Not sent to the sign-in page: the path is open, the token decides.
        assertThat(signedOut.statusCode()).isEqualTo(404);
        assertThat(signedOut.headers().firstValue("Location")).isEmpty();
        // The page itself is a signed-in user's.
        HttpResponse<String> page = calendarApp.send(
                HttpRequest.newBuilder(URI.create(http.getRootUri() + "/calendar"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
    }

    @Test
    void aDisabledUsersFeedAnswers404AtOnce() throws Exception {
        String username = "calendar-" + Long.toString(System.nanoTime(), 36);
        UserDraft enabled = new UserDraft("Calendar tester", null, null, true, Set.of(Role.FOCAL_POINT), Set.of("MAR"));
        users.ensureExists(username, "calendar-password-1", enabled);
        CurrentUser user = new CurrentUser(username, Set.of(Role.FOCAL_POINT), Set.of("MAR"));
        String token = token(feeds.create(user).url());
        assertThat(fetch(token).statusCode()).isEqualTo(200);

        users.update(
                username, new UserDraft("Calendar tester", null, null, false, Set.of(Role.FOCAL_POINT), Set.of("MAR")));
        assertThat(fetch(token).statusCode()).isEqualTo(404);

        users.update(username, enabled);
        assertThat(fetch(token).statusCode()).isEqualTo(200);
    }

    @Test
    void summariesAreInTheUsersLanguageAndConferencesReachTheirRegionsAndTheStaff() throws Exception {
        ReviewCycle conference = cycles.open(
                new OpenCycleRequest(
                        CycleKind.HIGH_LEVEL_CONFERENCE,
                        uniquePeriod("calendar-hlc"),
                        List.of("ARCP"),
                        START.plus(40, ChronoUnit.DAYS),
                        null,
                        null,
                        LocalDate.of(2027, 9, 1)),
                Users.SECRETARIAT);
        String uid = "conference-" + conference.id() + "@compact-review";
        CurrentUser regional = new CurrentUser("fp-arcp", Set.of(Role.FOCAL_POINT), Set.of("ARCP"));
        feeds.turnOff(regional);
        feeds.turnOff(Users.SECRETARIAT);
        feeds.turnOff(Users.FP_EGY);
        jdbc.sql("update app_user set locale = 'ar' where username = 'fp-arcp'").update();

        CalendarDocument arabic = CalendarDocument.parse(
                fetch(token(feeds.create(regional).url())).body());
        Component event = arabic.event(uid);
        assertThat(CalendarDocument.valueOf(event, Property.SUMMARY))
                .isEqualTo("المؤتمر الرفيع المستوى " + conference.period());
        assertThat(CalendarDocument.valueOf(event, Property.DTSTART)).isEqualTo("20270901");
        WorkItem regionalReview = tasks.list(
                        Users.SECRETARIAT,
                        new WorkItemFilter(
                                true, conference.id(), "ARCP", null, ParticipantReviewModel.TASK_SUBMIT_REPORT, null),
                        new PageRequest(0, 5))
                .items()
                .get(0);
        assertThat(CalendarDocument.valueOf(
                        arabic.event("task-" + regionalReview.id() + "@compact-review"), Property.SUMMARY))
                .startsWith("الموعد النهائي: تقديم التقرير المرحلي – ");

        CalendarDocument staff = CalendarDocument.parse(
                fetch(token(feeds.create(Users.SECRETARIAT).url())).body());
        assertThat(CalendarDocument.valueOf(staff.event(uid), Property.URL))
                .isEqualTo("http://localhost:8080/conferences/" + conference.id());
        CalendarDocument egypt = CalendarDocument.parse(
                fetch(token(feeds.create(Users.FP_EGY).url())).body());
        assertThat(egypt.events).doesNotContainKey(uid);
    }

    @Test
    void twoCreationsAtOnceMakeOneFeedAndConcurrentFetchesRaiseAMovedEventsSequenceOnce() throws Exception {
        feeds.turnOff(Users.FP_MAR);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<CalendarFeedAddress>> creations = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                creations.add(pool.submit(() -> {
                    start.await();
                    return feeds.create(Users.FP_MAR);
                }));
            }
            start.countDown();
            List<String> created = new java.util.ArrayList<>();
            int refused = 0;
            for (var creation : creations) {
                try {
                    created.add(creation.get().url());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(org.compactreview.platform.ConflictException.class);
                    refused++;
                }
            }
            assertThat(created).hasSize(1);
            assertThat(refused).isEqualTo(1);
            String token = token(created.get(0));

            ReviewCycle cycle = openAnnualReview("calendar-race", "MAR");
            WorkItem morocco = submitTask(cycle, "MAR");
            String uid = "task-" + morocco.id() + "@compact-review";
            assertThat(CalendarDocument.valueOf(
                            CalendarDocument.parse(fetch(token).body()).event(uid), Property.SEQUENCE))
                    .isEqualTo("0");
            dueDates.change(morocco.id(), cycle.submissionDue().plus(Duration.ofDays(3)), "Holiday", Users.MANAGER);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> fetches = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                fetches.add(pool.submit(() -> {
                    go.await();
                    return fetch(token).body();
                }));
            }
            go.countDown();
            for (var fetched : fetches) {
                assertThat(CalendarDocument.valueOf(
                                CalendarDocument.parse(fetched.get()).event(uid), Property.SEQUENCE))
                        .isEqualTo("1");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean ownTask(String uid) {
        String taskId = uid.substring("task-".length(), uid.indexOf('@'));
        WorkItem item = tasks.get(taskId, Users.FP_EGY);
        return item.participantCode() == null || item.participantCode().equals("EGY");
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

    /** A calendar app's request: no cookie, no credentials, the address only. */
    private HttpResponse<String> fetch(String token) throws Exception {
        return calendarApp.send(
                HttpRequest.newBuilder(URI.create(http.getRootUri() + "/calendar/" + token + ".ics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String feedUrl(String page) {
        Matcher url = FEED_URL.matcher(page);
        assertThat(url.find()).as("the page shows the feed address").isTrue();
        return url.group(1);
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }

    private static String utc(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(instant);
    }
}
