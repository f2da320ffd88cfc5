package org.compactreview.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit records. It joins the caller's transaction (and refuses to run without one), so a
 * change and its record are committed or rolled back together.
 */
@Service
public class AuditLog {

    /** The actor recorded for changes made by the engine itself (timers, async jobs). */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String objectType, Object objectId, Object before, Object after) {
        recordAs(currentActor(), action, objectType, objectId, before, after);
    }

    /** Records a change with the reason its author gave (at most 1,000 characters are kept). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String objectType, Object objectId, Object before, Object after, String reason) {
        insert(currentActor(), action, objectType, objectId, before, after, reason);
    }

    /**
     * Records an action of a named actor, for the moments when nobody is signed in yet or any
     * more: a sign-in, a failed sign-in, a token's first use.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String objectType, Object objectId, Object before, Object after) {
        insert(actor, action, objectType, objectId, before, after, null);
    }

    private void insert(
            String actor,
            String action,
            String objectType,
            Object objectId,
            Object before,
            Object after,
            String reason) {
        jdbc.sql(
                        """
                        insert into audit_event
                            (occurred_at, actor, action, object_type, object_id, before, after, reason)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)
                        """)
                .params(
                        Timestamp.from(clock.instant()),
                        shorten(actor),
                        action,
                        objectType,
                        shorten(String.valueOf(objectId)),
                        toJson(before),
                        toJson(after),
                        reason == null || reason.isBlank() ? null : shorten(reason.strip(), 1000))
                .update();
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    /** Typed usernames of failed sign-ins can be anything: the columns hold 64 characters. */
    private static String shorten(String value) {
        return shorten(value, 64);
    }

    private static String shorten(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit value cannot be written as JSON", e);
        }
    }
}
