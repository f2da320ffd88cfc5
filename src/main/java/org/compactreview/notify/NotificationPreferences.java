package org.compactreview.notify;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.audit.AuditLog;
import org.compactreview.audit.AuditObjectType;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's choices about mail (issue 15, "Preferences"): immediate or a daily digest at an
 * hour of their own time zone, and reminders on or off. Only optional kinds ({@link
 * NoticeKind#optional()}, the reminders) can be turned off: a mail that hands someone work
 * (an assignment, a return, an escalation) always comes. Every change is audited as the user who
 * made it, also one made through a mail's unsubscribe link without signing in.
 *
 * <p>What a change does to mails already waiting, decided so that nothing is lost and nothing
 * comes that was refused: switching from the digest to immediate queues the held mails at once,
 * each as its own mail (they do not wait for a digest that will no longer come); turning
 * reminders off drops the reminder mails not sent yet (held or waiting, status SKIPPED).
 */
@Service
public class NotificationPreferences {

    static final String CHANGED = "NOTIFICATION_SETTINGS_CHANGED";
    static final String UNSUBSCRIBED = "REMINDERS_UNSUBSCRIBED";

    /** Wider than any IANA zone id, like the column. */
    private static final int MAX_ZONE = 64;

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final NotificationSettingsRepository settings;
    private final DigestRepository waiting;
    private final AuditLog audit;
    private final Clock clock;

    NotificationPreferences(
            NotificationSettingsRepository settings, DigestRepository waiting, AuditLog audit, Clock clock) {
        this.settings = settings;
        this.waiting = waiting;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's choices, the defaults when they made none. */
    @Transactional(readOnly = true)
    public NotificationSettings of(CurrentUser user) {
        return settings.find(user.username());
    }

    /** Stores the caller's choices; a draft with any wrong field changes nothing (400, field by field). */
    @Transactional
    public NotificationSettings update(CurrentUser user, PreferencesDraft draft) {
        NotificationSettings chosen = validate(draft);
        NotificationSettings before = settings.lock(user.username());
        settings.save(user.username(), chosen, clock.instant());
        applyToWaitingMails(user.username(), before, chosen);
        if (!before.equals(chosen)) {
            audit.record(CHANGED, type(), user.username(), describe(before), describe(chosen));
        }
        return chosen;
    }

    /** Whose unsubscribe link this is, for the page that asks before turning reminders off. */
    @Transactional(readOnly = true)
    public String holderOf(String token) {
        return settings.ownerOfToken(token).orElseThrow(() -> new NotFoundException("unsubscribe-link", "-"));
    }

    /**
     * The unsubscribe link's step (the page's button, or a mail client's one-click post, RFC 8058):
     * reminders off for the link's holder, audited as them. Taken twice, it changes nothing more.
     * Returns the holder's username.
     */
    @Transactional
    public String unsubscribe(String token) {
        String username = holderOf(token);
        NotificationSettings before = settings.lock(username);
        if (before.reminders()) {
            NotificationSettings after =
                    new NotificationSettings(before.delivery(), false, before.timeZone(), before.digestHour());
            settings.save(username, after, clock.instant());
            applyToWaitingMails(username, before, after);
            audit.recordAs(username, UNSUBSCRIBED, type(), username, describe(before), describe(after));
        }
        return username;
    }

    private void applyToWaitingMails(String username, NotificationSettings before, NotificationSettings after) {
        if (before.reminders() && !after.reminders()) {
            waiting.dropOptional(username, optionalKinds());
        }
        if (before.delivery() == Delivery.DAILY_DIGEST && after.delivery() == Delivery.IMMEDIATE) {
            waiting.releaseHeld(username, clock.instant());
        }
    }

    /** The rules of each field; all problems at once. */
    static NotificationSettings validate(PreferencesDraft draft) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        Delivery delivery = Arrays.stream(Delivery.values())
                .filter(d -> d.name().equals(draft.delivery()))
                .findFirst()
                .orElse(null);
        if (delivery == null) {
            problems.add(new InvalidInputException.FieldProblem("delivery", "validation.notification.delivery"));
        }
        if (draft.reminders() == null) {
            problems.add(new InvalidInputException.FieldProblem("reminders", "validation.notification.reminders"));
        }
        String zone = draft.timeZone() == null ? "" : draft.timeZone().strip();
        if (zone.length() > MAX_ZONE || !ZONES.contains(zone)) {
            problems.add(new InvalidInputException.FieldProblem("timeZone", "validation.notification.time-zone"));
        }
        Integer hour = draft.digestHour();
        if (hour == null || hour < 0 || hour > 23) {
            problems.add(new InvalidInputException.FieldProblem("digestHour", "validation.notification.digest-hour"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NotificationSettings(delivery, draft.reminders(), ZoneId.of(zone), hour);
    }

    static List<String> optionalKinds() {
        return Arrays.stream(NoticeKind.values())
                .filter(NoticeKind::optional)
                .map(NoticeKind::name)
                .toList();
    }

    private static String type() {
        return AuditObjectType.NOTIFICATION_SETTINGS.code();
    }

    private static Map<String, Object> describe(NotificationSettings s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("delivery", s.delivery().name());
        map.put("reminders", s.reminders());
        map.put("timeZone", s.timeZone().getId());
        map.put("digestHour", s.digestHour());
        return map;
    }
}
