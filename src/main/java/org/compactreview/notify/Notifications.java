package org.compactreview.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a module tells people something. It writes, in the caller's transaction, one notice
 * per recipient (the bell) and, for those who get mail, one row of the mail outbox (sent by
 * {@link MailRelay} after the commit, or held for the recipient's daily digest). Nothing here talks
 * to the mail server, so the caller's work never fails or waits because mail is down; and the
 * notice is told exactly once per event and recipient (the event key), however often the caller
 * runs (a retried job).
 *
 * <p>Nobody hears of what they may not see: a user who does not see the notice's participant (a
 * focal point of another participant, a contributor) gets nothing, whoever named them.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NoticeRepository notices;
    private final MailOutbox outbox;
    private final NotificationSettingsRepository settings;
    private final UserDirectory users;
    private final MailProperties mail;
    private final Clock clock;

    Notifications(
            NoticeRepository notices,
            MailOutbox outbox,
            NotificationSettingsRepository settings,
            UserDirectory users,
            MailProperties mail,
            Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.settings = settings;
        this.users = users;
        this.mail = mail;
        this.clock = clock;
    }

    /** Tells every enabled member of a candidate group (one notice and one mail each). Returns how many were told. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notifyGroup(Notice notice, String candidateGroup) {
        return notify(
                notice,
                users.enabledMembersOf(candidateGroup).stream()
                        .map(UserSummary::username)
                        .toList());
    }

    /** Tells each of the users; unknown, disabled and out-of-scope users are left out. Returns how many were told. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notify(Notice notice, Collection<String> usernames) {
        Instant now = clock.instant();
        int told = 0;
        for (String username : new LinkedHashSet<>(usernames)) {
            Optional<AppUser> user = users.find(username).filter(AppUser::enabled);
            if (user.isEmpty() || !sees(user.get(), notice)) {
                log.debug("Notice {} not told to {}: unknown, disabled or out of scope", notice.eventKey(), username);
                continue;
            }
            Optional<Long> id = notices.insert(username, notice, now);
            if (id.isEmpty()) {
                continue; // told before
            }
            told++;
            queueMail(user.get(), notice, id.get(), now);
        }
        return told;
    }

    private void queueMail(AppUser user, Notice notice, long noticeId, Instant now) {
        if (!mail.enabled() || user.email() == null || user.email().isBlank()) {
            return;
        }
        NotificationSettings choice = settings.find(user.username());
        if (notice.kind().optional() && !choice.reminders()) {
            return;
        }
        MailStatus status = choice.delivery() == Delivery.DAILY_DIGEST ? MailStatus.HELD : MailStatus.PENDING;
        outbox.queue(
                MessageIds.forNotice(notice.eventKey(), user.username(), mail.domain()),
                user.username(),
                noticeId,
                status,
                now);
    }

    /** Staff see every participant; focal points and contributors their own only (asked again at sending time). */
    static boolean sees(AppUser user, Notice notice) {
        if (notice.participantCode() == null) {
            return true;
        }
        var current = user.asCurrentUser();
        return current.seesAllParticipants() || current.represents(notice.participantCode());
    }

    /** The user's unread notices (the bell's count). */
    @Transactional(readOnly = true)
    public int unread(String username) {
        return notices.unread(username);
    }

    static Set<MailStatus> waiting() {
        return Set.of(MailStatus.PENDING, MailStatus.HELD);
    }
}
