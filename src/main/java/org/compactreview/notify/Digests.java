package org.compactreview.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest (issue 15, "Preferences"): a user who chose it gets their held mails in one
 * mail a day, once their own clock (their time zone) has reached their digest hour. A run looks
 * at every user with held mails; for each one whose hour has come and who had no digest that
 * local day yet it queues, in one transaction of its own under a lock on the user's settings row,
 * one digest mail (Message-ID {@link MessageIds#forDigest}, from the user and the local day, so two
 * nodes could not send two even without the lock), moves the held mails into it and remembers the
 * day. The relay sends it like any other mail. Mails held after a day's digest wait for the next.
 *
 * <p>A digest hour that a daylight-saving jump skips (02:00 on the day clocks go forward) is
 * reached at the first hour after it: the test is "local time at or past the hour".
 */
@Service
public class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private final DigestRepository digests;
    private final MailProperties mail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Digests(DigestRepository digests, MailProperties mail, TransactionTemplate transactions, Clock clock) {
        this.digests = digests;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * One run: queues every digest due now (and sends at once the mails still held for a user who
     * left the digest). Returns how many digests were queued.
     */
    public int sendDue() {
        int queued = 0;
        for (DigestRepository.Waiting user : digests.usersWithHeldMails()) {
            boolean release = user.delivery() == Delivery.IMMEDIATE;
            if ((release || due(user, clock.instant()))
                    && Boolean.TRUE.equals(transactions.execute(s -> gather(user.username())))) {
                queued++;
            }
        }
        return queued;
    }

    private boolean gather(String username) {
        Instant now = clock.instant();
        DigestRepository.Waiting locked = digests.lock(username).orElse(null);
        if (locked != null && locked.delivery() == Delivery.IMMEDIATE) {
            // Held by a business transaction that read the settings just before the user left the
            // digest (and committed after the switch released the rest): sent at once, like those.
            digests.releaseHeld(username, now);
            return false;
        }
        if (locked == null || !due(locked, now)) {
            return false; // another node made it meanwhile, or the user changed their hour
        }
        LocalDate day = now.atZone(locked.timeZone()).toLocalDate();
        int items = digests.gather(username, MessageIds.forDigest(username, day, mail.domain()), day, now);
        if (items > 0) {
            log.debug("Digest of {} for {} gathers {} mails", username, day, items);
        }
        return items > 0;
    }

    /** Whether the user's local time has reached their digest hour on a day without a digest yet. */
    static boolean due(DigestRepository.Waiting user, Instant now) {
        ZonedDateTime local = now.atZone(user.timeZone());
        return local.getHour() >= user.digestHour()
                && (user.lastDigestOn() == null || user.lastDigestOn().isBefore(local.toLocalDate()));
    }
}
