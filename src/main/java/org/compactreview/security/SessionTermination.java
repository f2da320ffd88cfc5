package org.compactreview.security;

import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.identity.UserChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a user's access changes (disabled, roles, participants, password), every session of that
 * user ends in the same transaction as the change. Sessions live in PostgreSQL (Spring Session
 * JDBC), so this ends them on every node: the next request with an old cookie finds no session
 * and is sent to the sign-in page. The rows are deleted with the change's own connection, not
 * through the session repository (which commits on its own), so that the change and the end of
 * its sessions commit, or roll back, together.
 */
@Component
class SessionTermination {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    SessionTermination(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void endSessions(UserChanged changed) {
        int ended = jdbc.sql("delete from spring_session where principal_name = ?")
                .param(changed.username())
                .update();
        if (ended > 0) {
            audit.record(
                    "SESSIONS_ENDED",
                    "user",
                    changed.username(),
                    null,
                    Map.of("sessions", ended, "address", ClientAddress.current()));
        }
    }
}
