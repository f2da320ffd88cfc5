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
        jdbc.sql(
                        """
                        insert into audit_event (occurred_at, actor, action, object_type, object_id, before, after)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                        """)
                .params(
                        Timestamp.from(clock.instant()),
                        currentActor(),
                        action,
                        objectType,
                        String.valueOf(objectId),
                        toJson(before),
                        toJson(after))
                .update();
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
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
