package org.compactreview.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SEQUENCE and LAST-MODIFIED of each event, kept per UID (not per feed): when a feed serves an
 * event whose dates differ from what was last served (a manager moved a due date), its sequence
 * goes up by one and its modification time becomes now, so calendar apps replace the event they
 * hold instead of keeping the old one. A steady feed writes nothing: only new or changed events are
 * upserted, in UID order so that concurrent feeds lock rows in the same order.
 */
@Component
class CalendarRevisions {

    private final JdbcClient jdbc;

    CalendarRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Map<String, CalendarWriter.Revision> stamp(List<CalendarEvent> events, Instant now) {
        if (events.isEmpty()) {
            return Map.of();
        }
        List<String> uids = events.stream().map(CalendarEvent::uid).toList();
        Map<String, String> served = new HashMap<>();
        Map<String, CalendarWriter.Revision> revisions = read(uids, served);
        List<CalendarEvent> changed = events.stream()
                .filter(event -> !event.fingerprint().equals(served.get(event.uid())))
                .sorted(Comparator.comparing(CalendarEvent::uid))
                .toList();
        for (CalendarEvent event : changed) {
            jdbc.sql(
                            """
                            insert into calendar_event_revision (uid, fingerprint, sequence, modified_at)
                            values (?, ?, 0, ?)
                            on conflict (uid) do update set fingerprint = excluded.fingerprint,
                                sequence = calendar_event_revision.sequence + 1, modified_at = excluded.modified_at
                            where calendar_event_revision.fingerprint <> excluded.fingerprint
                            """)
                    .params(event.uid(), event.fingerprint(), Timestamp.from(now))
                    .update();
        }
        return changed.isEmpty() ? revisions : read(uids, served);
    }

    private Map<String, CalendarWriter.Revision> read(List<String> uids, Map<String, String> fingerprints) {
        Map<String, CalendarWriter.Revision> revisions = new HashMap<>();
        jdbc.sql("select uid, fingerprint, sequence, modified_at from calendar_event_revision where uid in (:uids)")
                .param("uids", uids)
                .query(rs -> {
                    fingerprints.put(rs.getString("uid"), rs.getString("fingerprint"));
                    revisions.put(
                            rs.getString("uid"),
                            new CalendarWriter.Revision(
                                    rs.getInt("sequence"),
                                    rs.getTimestamp("modified_at").toInstant()));
                });
        return revisions;
    }
}
