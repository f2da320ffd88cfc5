package org.compactreview.notify;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' view of the mail outbox and the one thing they do with it: send an incident
 * (a mail given up after its last attempt) again, once the cause is fixed. A mail sent again goes
 * back to the queue with a fresh count of attempts and the same Message-ID, so a receiver that
 * got it after all (the server accepted it but the answer was lost) still keeps one. Each retry
 * is audited (action MAIL_RETRIED, object type mail); nothing of the mail's content is shown.
 */
@Service
public class MailIncidents {

    static final String OBJECT_TYPE = "mail";
    static final String RETRIED = "MAIL_RETRIED";

    private final MailOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    MailIncidents(MailOutbox outbox, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MailOverview overview(CurrentUser caller, PageRequest page) {
        requireAdministrator(caller);
        Map<String, Integer> counts = new LinkedHashMap<>();
        outbox.counts().forEach((status, count) -> counts.put(status.name(), count));
        int failed = counts.get(MailStatus.FAILED.name());
        List<MailIncident> items = outbox.incidents(page.offset(), page.size());
        return new MailOverview(
                counts, outbox.oldestDue().orElse(null), new Page<>(items, page.page(), page.size(), failed));
    }

    /**
     * Sends the incident {@code id} again. Unknown: 404; a mail that is no incident (sent, or
     * already back in the queue because another administrator was quicker): 409.
     */
    @Transactional
    public void retry(long id, CurrentUser caller) {
        requireAdministrator(caller);
        MailIncident incident = outbox.incident(id).orElse(null);
        if (incident == null) {
            if (!outbox.exists(id)) {
                throw new NotFoundException(OBJECT_TYPE, id);
            }
            throw new ConflictException("problem.mail.not-failed", id);
        }
        if (!outbox.retryFailed(id, clock.instant())) {
            throw new ConflictException("problem.mail.not-failed", id);
        }
        record(incident);
    }

    /** Sends every incident again; returns how many went back to the queue (each audited). */
    @Transactional
    public int retryAll(CurrentUser caller) {
        requireAdministrator(caller);
        List<Long> ids = outbox.retryAllFailed(clock.instant());
        ids.forEach(id -> audit.record(RETRIED, OBJECT_TYPE, id, Map.of("status", "FAILED"), pending(), null));
        return ids.size();
    }

    private void record(MailIncident incident) {
        audit.record(
                RETRIED,
                OBJECT_TYPE,
                incident.id(),
                Map.of("status", "FAILED", "attempts", incident.attempts(), "recipient", incident.username()),
                pending(),
                null);
    }

    private static Map<String, Object> pending() {
        return Map.of("status", "PENDING", "attempts", 0);
    }

    private static void requireAdministrator(CurrentUser caller) {
        if (!caller.has(Role.ADMIN)) {
            throw new ForbiddenException("problem.mail.administrators-only");
        }
    }
}
