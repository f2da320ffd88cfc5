package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cycle opened for Palau tells its two focal points, each in their own language (Arabic right to
 * left, Chinese), by a notice in the bell and one mail each, with a text and an HTML part, a
 * direct link to the report and a Message-ID made from the event: sending the outbox again sends
 * nothing more. Submitting tells the secretariat of the validation task; a return tells the focal
 * points with the secretariat's comment. Nobody outside Palau hears of it.
 */
class NotificationsIT extends IntegrationTest {

    static final String DOMAIN = "plw.notice.test";
    static final CurrentUser ARABIC = new CurrentUser("fp-plw-ar", Set.of(Role.FOCAL_POINT), Set.of("PLW"));
    static final CurrentUser CHINESE = new CurrentUser("fp-plw-zh", Set.of(Role.FOCAL_POINT), Set.of("PLW"));

    @Autowired
    UserDirectory directory;

    @Autowired
    ReportService reports;

    @Autowired
    MailRelay relay;

    @Autowired
    Notifications notifications;

    @Autowired
    MailProperties properties;

    @Test
    void eachEventReachesTheRightPeopleOnceInTheirLanguage() throws Exception {
        focalPoint(ARABIC, "ar");
        focalPoint(CHINESE, "zh");
        relay.drain();
        int unreadBefore = notifications.unread("fp-egy");

        ReviewCycle cycle = openAnnualReview("notices", "PLW");
        Report report = reports.list(ARABIC, cycle.id(), null).get(0);
        relay.drain();

        MimeMessage arabic = only(ARABIC);
        assertThat(arabic.getSubject()).contains("فُتحت").contains("بالاو");
        assertThat(html(arabic)).contains("dir=\"rtl\"").contains(properties.baseUrl() + "/reports/" + report.id());
        assertThat(text(arabic))
                .contains(properties.baseUrl() + "/reports/" + report.id())
                .doesNotContain("<");
        assertThat(arabic.getMessageID())
                .isEqualTo(MessageIds.forNotice(taskKeyOf(report), ARABIC.username(), properties.domain()));
        MimeMessage chinese = only(CHINESE);
        assertThat(chinese.getSubject()).contains("已开启").contains("帕劳");
        assertThat(html(chinese)).contains("dir=\"ltr\"").contains("lang=\"zh\"");
        assertThat(notifications.unread(ARABIC.username())).isEqualTo(1);

        assertThat(relay.drain()).as("sent once").isZero();
        assertThat(received(ARABIC)).hasSize(1);

        reports.saveDraft(report.id(), ARABIC, report.lockVersion(), Entries.complete(2));
        reports.submit(report.id(), ARABIC, null);
        String validation = taskKeyOf(report);
        relay.drain();
        assertThat(Arrays.stream(MAIL.getReceivedMessagesForDomain("secretariat@demo.invalid"))
                        .filter(m -> id(m).equals(MessageIds.forNotice(validation, "secretariat", properties.domain())))
                        .map(NotificationsIT::subject))
                .singleElement()
                .asString()
                .contains("Validate report");

        setClock(START.plus(2, ChronoUnit.HOURS));
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.RETURN, "Please add the 2026 budget line.");
        relay.drain();
        List<MimeMessage> arabicMails = received(ARABIC);
        assertThat(arabicMails).hasSize(2);
        MimeMessage returned = arabicMails.get(1);
        assertThat(returned.getSubject()).contains("أُعيد للمراجعة");
        assertThat(text(returned)).contains("Please add the 2026 budget line.");
        assertThat(html(returned)).contains("Please add the 2026 budget line.");
        assertThat(received(CHINESE)).hasSize(2);

        assertThat(notifications.unread("fp-egy"))
                .as("Egypt hears nothing of Palau")
                .isEqualTo(unreadBefore);
    }

    /**
     * A focal point moved to another participant after the mail was queued hears nothing more of
     * the first: the relay asks again at sending time. Disabled users are skipped too.
     */
    @Test
    void scopeAndStatusAreAskedAgainAtSendingTime() {
        CurrentUser moved = new CurrentUser("fp-plw-moved", Set.of(Role.FOCAL_POINT), Set.of("PLW"));
        CurrentUser disabled = new CurrentUser("fp-plw-off", Set.of(Role.FOCAL_POINT), Set.of("PLW"));
        focalPoint(moved, "en");
        focalPoint(disabled, "en");
        relay.drain();

        openAnnualReview("notices-moved", "PLW");
        directory.update(
                moved.username(),
                new UserDraft(
                        "Moved", moved.username() + "@" + DOMAIN, "en", true, Set.of(Role.FOCAL_POINT), Set.of("NRU")));
        directory.update(
                disabled.username(),
                new UserDraft(
                        "Off",
                        disabled.username() + "@" + DOMAIN,
                        "en",
                        false,
                        Set.of(Role.FOCAL_POINT),
                        Set.of("PLW")));
        relay.drain();

        assertThat(received(moved)).isEmpty();
        assertThat(received(disabled)).isEmpty();
        assertThat(jdbc.sql("select count(*) from mail_outbox where username in (?, ?) and status = 'SKIPPED'")
                        .params(moved.username(), disabled.username())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    private String taskKeyOf(Report report) {
        return "task:"
                + jdbc.sql("select task_id from work_item where report_id = ?")
                        .param(report.id())
                        .query(String.class)
                        .single();
    }

    private void focalPoint(CurrentUser user, String locale) {
        UserDraft draft = new UserDraft(
                "Palau focal point " + locale,
                user.username() + "@" + DOMAIN,
                locale,
                true,
                Set.of(Role.FOCAL_POINT),
                Set.of("PLW"));
        directory.ensureExists(user.username(), "notice-password", draft);
        directory.update(user.username(), draft);
    }

    private static List<MimeMessage> received(CurrentUser user) {
        return List.of(MAIL.getReceivedMessagesForDomain(user.username() + "@" + DOMAIN));
    }

    private static MimeMessage only(CurrentUser user) {
        List<MimeMessage> mails = received(user);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static String id(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String html(MimeMessage message) throws Exception {
        return part(message, "text/html");
    }

    static String text(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            List<String> found = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String inside = part(body, type);
                if (inside != null) {
                    found.add(inside);
                }
            }
            return found.isEmpty() ? null : found.get(0);
        }
        return null;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
