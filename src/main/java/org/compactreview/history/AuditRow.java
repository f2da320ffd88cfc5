package org.compactreview.history;

import java.time.Instant;
import java.util.List;

/**
 * One audit record as a page shows it: names instead of codes where there are names, the action
 * in the reader's language, and the fields it changed side by side.
 */
public record AuditRow(
        long id,
        Instant occurredAt,
        String actor,
        String actorName,
        String action,
        String actionLabel,
        String objectTypeLabel,
        String objectId,
        String objectName,
        String objectLink,
        String reason,
        List<Change> changes) {

    /** Whether any changed field had a value before (a creation has none: its "before" column is left out). */
    public boolean anyBefore() {
        return changes.stream().anyMatch(change -> !change.before().isEmpty());
    }

    /** A changed field: its name and its values before and after, ready to show ("" for none). */
    public record Change(String field, String before, String after) {}
}
