package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.DateTexts;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Preferences, digests and the unsubscribe link (issue 15, part C), with focal points of Kiribati
 * of this test's own, at a mail domain of its own: a digest user in Tokyo gets nothing at once and
 * one digest of everything at their own hour, with the due time in Japan's time; two nodes running
 * the digest at once make one; reminders turned off stop reminders but not a new task's mail; the
 * unsubscribe link of a real reminder works without signing in; the settings page and the API
 * refuse a wrong zone and hour field by field.
 */
class PreferencesIT extends IntegrationTest {

    static final String DOMAIN = "kir.prefs.test";
    static final String PARTICIPANT = "KIR";

    /** Reminder days that reach back past the test's start: the cycle's reminder is due at once. */
    static final java.util.List<Integer> REMINDED_AT_ONCE = java.util.List.of(60);

    static final String PASSWORD = "demo";

    @Autowired
    UserDirectory directory;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    Digests digests;

    @Autowired
    MailRelay relay;

    @Autowired
    SubmissionReminder reminder;

    @Autowired
    MailProperties properties;

    @Autowired
    MessageSource messages;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aDigestUserInTokyoGetsOneDigestOfEverythingAtTheirLocalHour() throws Exception {
        CurrentUser tokyo = focalPoint("fp-kir-tokyo");
        preferences.update(tokyo, new PreferencesDraft("DAILY_DIGEST", true, "Asia/Tokyo", 20));
        relay.drain();

        // 09:00 UTC is 18:00 in Tokyo: the cycle's task and a reminder are held for the digest at 20:00.
        ReviewCycle cycle = openAnnualReview("digest", REMINDED_AT_ONCE, PARTICIPANT);
        Instant due = Instant.parse("2027-02-09T09:00:00Z");
        reminder.remind(cycle.id(), PARTICIPANT, Date.from(due), null);
        relay.drain();
        assertThat(received(tokyo)).as("nothing at once").isEmpty();
        assertThat(held(tokyo)).isEqualTo(2);

        digests.sendDue();
        setClock(Instant.parse("2027-01-10T10:59:00Z")); // 19:59 in Tokyo
        digests.sendDue();
        relay.drain();
        assertThat(received(tokyo)).as("not before the hour").isEmpty();

        setClock(Instant.parse("2027-01-10T11:00:00Z")); // 20:00 in Tokyo
        digests.sendDue();
        relay.drain();
        setClock(Instant.parse("2027-01-10T14:30:00Z")); // 23:30 in Tokyo: that day had its digest
        digests.sendDue();
        relay.drain();

        MimeMessage digest = only(tokyo);
        assertThat(digest.getMessageID())
                .isEqualTo(MessageIds.forDigest(tokyo.username(), LocalDate.parse("2027-01-10"), properties.domain()));
        assertThat(digest.getSubject()).isEqualTo("Compact Review: 2 new notices");
        String text = NotificationsIT.text(digest);
        assertThat(text).contains("Kiribati").contains("Reminder");
        String japanTime = new DateTexts(messages, ZoneId.of("Asia/Tokyo")).dateTime(due, Locale.ENGLISH);
        assertThat(japanTime).contains("Japan");
        assertThat(text).as("the due time in Japan's time").contains(japanTime);
        assertThat(NotificationsIT.html(digest)).contains(japanTime);
        assertThat(held(tokyo)).isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox where username = ? and status = 'DIGESTED'")
                        .param(tokyo.username())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void twoNodesRunningTheDigestAtOnceMakeOne() throws Exception {
        CurrentUser racer = focalPoint("fp-kir-race");
        preferences.update(racer, new PreferencesDraft("DAILY_DIGEST", true, "Pacific/Auckland", 0));
        openAnnualReview("race", PARTICIPANT);
        assertThat(held(racer)).isEqualTo(1);

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(nodes.submit(() -> {
                start.await();
                return digests.sendDue();
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get();
        }
        nodes.shutdown();
        relay.drain();

        assertThat(jdbc.sql("select count(*) from mail_outbox where username = ? and notice_id is null")
                        .param(racer.username())
                        .query(Integer.class)
                        .single())
                .as("one digest")
                .isEqualTo(1);
        assertThat(received(racer)).hasSize(1);
    }

    @Test
    void remindersTurnedOffStopRemindersButNotANewTasksMail() throws Exception {
        CurrentUser quiet = focalPoint("fp-kir-quiet");
        preferences.update(quiet, new PreferencesDraft("IMMEDIATE", false, "UTC", 7));
        assertThat(audited(quiet.username(), NotificationPreferences.CHANGED)).isEqualTo(1);
        int before = received(quiet).size();

        ReviewCycle cycle = openAnnualReview("quiet", REMINDED_AT_ONCE, PARTICIPANT);
        reminder.remind(cycle.id(), PARTICIPANT, Date.from(START.plus(30, ChronoUnit.DAYS)), null);
        relay.drain();

        List<MimeMessage> mails = received(quiet);
        assertThat(mails).hasSize(before + 1);
        assertThat(mails.get(mails.size() - 1).getSubject()).doesNotContain("Reminder");
        assertThat(jdbc.sql("select count(*) from notice where username = ? and kind = 'DUE_REMINDER'")
                        .param(quiet.username())
                        .query(Integer.class)
                        .single())
                .as("the bell still tells the reminder")
                .isEqualTo(1);
    }

    @Test
    void leavingTheDigestSendsTheHeldMailsAtOnce() throws Exception {
        CurrentUser switcher = focalPoint("fp-kir-switch");
        preferences.update(switcher, new PreferencesDraft("DAILY_DIGEST", true, "UTC", 23));
        openAnnualReview("switch", PARTICIPANT);
        relay.drain();
        assertThat(received(switcher)).isEmpty();

        preferences.update(switcher, new PreferencesDraft("IMMEDIATE", true, "UTC", 23));
        relay.drain();
        assertThat(held(switcher)).isZero();
        assertThat(received(switcher)).hasSize(1);
        assertThat(received(switcher).get(0).getMessageID()).startsWith("<notice.");

        // A mail held by a transaction that read the settings just before the switch: the digest
        // run sends it at once instead of keeping it for a digest that will not come.
        ReviewCycle late = openAnnualReview("switch-late", PARTICIPANT);
        assertThat(jdbc.sql("update mail_outbox set status = 'HELD' where username = ? and status = 'PENDING' and "
                                + "notice_id in (select id from notice where username = ? and cycle_id = ?)")
                        .params(switcher.username(), switcher.username(), late.id())
                        .update())
                .isEqualTo(1);
        relay.drain();
        assertThat(received(switcher)).hasSize(1);
        digests.sendDue();
        assertThat(held(switcher)).isZero();
        relay.drain();
        assertThat(received(switcher)).hasSize(2);
    }

    @Test
    void theUnsubscribeLinkOfARealReminderWorksWithoutSigningIn() throws Exception {
        CurrentUser reader = focalPoint("fp-kir-unsub");
        ReviewCycle cycle = openAnnualReview("unsub", REMINDED_AT_ONCE, PARTICIPANT);
        reminder.remind(cycle.id(), PARTICIPANT, Date.from(START.plus(30, ChronoUnit.DAYS)), null);
        relay.drain();
        MimeMessage reminderMail = received(reader).stream()
                .filter(m -> subject(m).startsWith("Reminder"))
                .findFirst()
                .orElseThrow();
        String header = reminderMail.getHeader("List-Unsubscribe", null);
        assertThat(reminderMail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(header).startsWith("<" + properties.baseUrl() + "/notifications/unsubscribe/");
        String path = header.substring(properties.baseUrl().length() + 1, header.length() - 1);

        HttpClient anonymous = HttpClient.newHttpClient();
        HttpResponse<String> asked = anonymous.send(
                HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Stop reminder mails?").contains("id=\"unsubscribe-form\"");
        assertThat(preferences.of(reader).reminders()).as("the link only asks").isTrue();

        // RFC 8058: the mail client posts "List-Unsubscribe=One-Click", without a session or a form token.
        HttpResponse<String> done = anonymous.send(
                HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("id=\"unsubscribed\"");
        assertThat(preferences.of(reader).reminders()).isFalse();
        assertThat(jdbc.sql("select actor from audit_event where object_id = ? and action = ?")
                        .params(reader.username(), NotificationPreferences.UNSUBSCRIBED)
                        .query(String.class)
                        .list())
                .as("audited as the link's holder")
                .containsExactly(reader.username());

        int before = received(reader).size();
        reminder.remind(cycle.id(), PARTICIPANT, Date.from(START.plus(29, ChronoUnit.DAYS)), null);
        openAnnualReview("unsub-after", PARTICIPANT);
        relay.drain();
        List<MimeMessage> after = received(reader);
        assertThat(after).as("the new task's mail, no reminder").hasSize(before + 1);
        assertThat(subject(after.get(after.size() - 1))).doesNotStartWith("Reminder");

        assertThat(anonymous
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(http.getRootUri() + "/notifications/unsubscribe/nope"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
        assertThat(anonymous
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(http.getRootUri() + "/notifications/unsubscribe/nope"))
                                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theSettingsPageShowsEachWrongFieldBesideItAndSavesRightOnes() {
        CurrentUser user = focalPoint("fp-kir-page");
        FormClient page = new FormClient(http.getRootUri());
        assertThat(page.signIn(user.username(), PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> shown = page.get("/notifications/settings");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains("id=\"settings-form\"")
                .contains("value=\"Asia/Tokyo\"")
                .contains("href=\"/notifications/settings\"");

        HttpResponse<String> refused = page.post(
                "/notifications/settings",
                "/notifications/settings",
                Map.of("delivery", "WEEKLY", "timeZone", "Mars/Olympus_Mons", "digestHour", "24"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"delivery-error\"")
                .contains("id=\"timeZone-error\"")
                .contains("Choose a time zone from the list.")
                .contains("id=\"digestHour-error\"")
                .contains("Choose an hour from 0 to 23.");
        assertThat(preferences.of(user)).isEqualTo(NotificationSettings.DEFAULTS);

        HttpResponse<String> saved = page.post(
                "/notifications/settings",
                "/notifications/settings",
                Map.of("delivery", "DAILY_DIGEST", "timeZone", "Pacific/Auckland", "digestHour", "6"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(preferences.of(user))
                .isEqualTo(new NotificationSettings(Delivery.DAILY_DIGEST, false, ZoneId.of("Pacific/Auckland"), 6));
        assertThat(audited(user.username(), NotificationPreferences.CHANGED)).isEqualTo(1);
        assertThat(page.get("/notifications/settings").body())
                .contains("Your notification settings are saved.")
                .containsPattern("value=\"Pacific/Auckland\"[^>]*selected");
    }

    @Test
    void theApiRefusesAWrongZoneAndHourFieldByField() throws Exception {
        CurrentUser user = focalPoint("fp-kir-api");
        var client = http.withBasicAuth(user.username(), PASSWORD);
        String url = "/api/v1/me/notification-settings";
        assertThat(client.getForObject(url, String.class))
                .isEqualTo("{\"delivery\":\"IMMEDIATE\",\"reminders\":true,\"timeZone\":\"UTC\",\"digestHour\":7}");

        ResponseEntity<String> refused = put(
                client,
                url,
                "{\"delivery\":\"IMMEDIATE\",\"reminders\":true,\"timeZone\":\"Nowhere\",\"digestHour\":24}");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody())
                .contains("urn:compact-review:problem:invalid-input")
                .contains("\"timeZone\"")
                .contains("\"digestHour\"")
                .doesNotContain("\"delivery\"");

        ResponseEntity<String> saved = put(
                client,
                url,
                "{\"delivery\":\"DAILY_DIGEST\",\"reminders\":false,\"timeZone\":\"Asia/Tokyo\",\"digestHour\":8}");
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(client.getForObject(url, String.class))
                .isEqualTo(
                        "{\"delivery\":\"DAILY_DIGEST\",\"reminders\":false,\"timeZone\":\"Asia/Tokyo\",\"digestHour\":8}");
        assertThat(audited(user.username(), NotificationPreferences.CHANGED)).isEqualTo(1);
    }

    private static ResponseEntity<String> put(
            org.springframework.boot.test.web.client.TestRestTemplate client, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private CurrentUser focalPoint(String username) {
        UserDraft draft = new UserDraft(
                "Kiribati focal point " + username,
                username + "@" + DOMAIN,
                "en",
                true,
                Set.of(Role.FOCAL_POINT),
                Set.of(PARTICIPANT));
        directory.ensureExists(username, PASSWORD, draft);
        directory.update(username, draft);
        return new CurrentUser(username, Set.of(Role.FOCAL_POINT), Set.of(PARTICIPANT));
    }

    private int held(CurrentUser user) {
        return jdbc.sql("select count(*) from mail_outbox where username = ? and status = 'HELD'")
                .param(user.username())
                .query(Integer.class)
                .single();
    }

    private int audited(String username, String action) {
        return jdbc.sql(
                        "select count(*) from audit_event where object_type = 'notification-settings' and object_id = ? and action = ?")
                .params(username, action)
                .query(Integer.class)
                .single();
    }

    private static List<MimeMessage> received(CurrentUser user) {
        return List.of(MAIL.getReceivedMessagesForDomain(user.username() + "@" + DOMAIN));
    }

    private static MimeMessage only(CurrentUser user) {
        List<MimeMessage> mails = received(user);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
