package org.compactreview.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AbsenceRepository {

    private static final String SELECT = "select * from absence";

    /** One arbitrary key for the advisory lock under which absences are set (see Absences.set). */
    private static final long SETTING_LOCK = 0x0AB5_E4CEL;

    private final JdbcClient jdbc;

    AbsenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String username, String substitute, Instant startsAt, Instant endsAt, String by, Instant now) {
        return jdbc.sql(
                        """
                        insert into absence (username, substitute, starts_at, ends_at, status, created_by, created_at)
                        values (?, ?, ?, ?, 'SCHEDULED', ?, ?) returning id
                        """)
                .params(username, substitute, ts(startsAt), ts(endsAt), by, ts(now))
                .query(Long.class)
                .single();
    }

    /** Until the transaction ends, nobody else sets an absence: the chain and overlap checks hold. */
    void lockSetting() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(SETTING_LOCK).query().singleRow();
    }

    Optional<Absence> find(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<Absence> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * The next absence due to start or end, locked; one that another node is handling now is
     * skipped, so that two nodes never handle the same absence and neither waits for the other.
     */
    Optional<Absence> lockNextDue(Instant now) {
        return jdbc.sql(
                        """
                        select * from absence
                        where (status = 'SCHEDULED' and starts_at <= :now) or (status = 'ACTIVE' and ends_at <= :now)
                        order by case when status = 'SCHEDULED' then starts_at else ends_at end, id
                        limit 1
                        for update skip locked
                        """)
                .param("now", ts(now))
                .query((rs, n) -> map(rs))
                .optional();
    }

    void updateStatus(long id, Absence.Status status, Instant endedAt) {
        jdbc.sql("update absence set status = ?, ended_at = ? where id = ?")
                .params(status.name(), ts(endedAt), id)
                .update();
    }

    /** The person's absences, newest start first. */
    Page<Absence> list(String username, PageRequest page) {
        long total = jdbc.sql("select count(*) from absence where username = ?")
                .param(username)
                .query(Long.class)
                .single();
        List<Absence> items = jdbc.sql(SELECT + " where username = ? order by starts_at desc, id desc limit ? offset ?")
                .params(username, page.size(), page.offset())
                .query((rs, n) -> map(rs))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Set or running absences of a person that overlap a period. */
    List<Absence> openOverlapping(String username, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where username = ? and status in ('SCHEDULED', 'ACTIVE')"
                        + " and starts_at < ? and ends_at > ? order by starts_at")
                .params(username, ts(to), ts(from))
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Set or running absences in which the person stands in for someone, overlapping a period. */
    List<Absence> openSubstitutingOverlapping(String substitute, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where substitute = ? and status in ('SCHEDULED', 'ACTIVE')"
                        + " and starts_at < ? and ends_at > ? order by starts_at")
                .params(substitute, ts(to), ts(from))
                .query((rs, n) -> map(rs))
                .list();
    }

    Optional<Absence> active(String username) {
        return jdbc.sql(SELECT + " where username = ? and status = 'ACTIVE' limit 1")
                .param(username)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * Enabled users who share work with the person: the secretariat, managers or administrators
     * if the person is one, focal points of a participant the person represents.
     */
    List<String> sharingWork(String username) {
        return jdbc.sql(
                        """
                        select distinct u.username from app_user u
                        where u.enabled and u.username <> :me and (
                            exists (select 1 from user_role r join user_role mine on mine.role = r.role
                                    where r.username = u.username and mine.username = :me
                                      and r.role in ('SECRETARIAT', 'MANAGER', 'ADMIN'))
                            or exists (select 1 from user_participant p
                                       join user_participant mine on mine.participant_code = p.participant_code
                                       join user_role r on r.username = p.username and r.role = 'FOCAL_POINT'
                                       join user_role mr on mr.username = mine.username and mr.role = 'FOCAL_POINT'
                                       where p.username = u.username and mine.username = :me))
                        order by u.username limit 200
                        """)
                .param("me", username)
                .query(String.class)
                .list();
    }

    private static Absence map(ResultSet rs) throws SQLException {
        return new Absence(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("substitute"),
                instant(rs.getTimestamp("starts_at")),
                instant(rs.getTimestamp("ends_at")),
                Absence.Status.valueOf(rs.getString("status")),
                rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("ended_at")));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
