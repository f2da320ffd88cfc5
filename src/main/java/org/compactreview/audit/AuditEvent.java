package org.compactreview.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One recorded change. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String objectType,
        String objectId,
        JsonNode before,
        JsonNode after,
        /** Why, as the author of the change gave it; {@code null} if none was asked. */
        String reason) {}
