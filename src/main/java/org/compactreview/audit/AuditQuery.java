package org.compactreview.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail, newest first (in the order the records were written), narrowed by an
 * {@link AuditFilter}. The conditions are put together from the filter's given parts only, so
 * that each query can use the index of what it filters by.
 */
@Service
public class AuditQuery {

    /** Rows fetched per round trip while streaming: PostgreSQL then keeps a cursor, not the whole result. */
    private static final int STREAM_FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final ObjectMapper json;

    AuditQuery(DataSource dataSource, ObjectMapper json) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(STREAM_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.json = json;
    }

    /** Events of one kind of object ({@link AuditObjectType}, in any case) and/or one object id. */
    @Transactional(readOnly = true)
    public Page<AuditEvent> find(String objectTypeName, String objectId, PageRequest page) {
        return find(AuditFilter.of(null, null, objectTypeName, objectId, null, null, null), page);
    }

    @Transactional(readOnly = true)
    public Page<AuditEvent> find(AuditFilter filter, PageRequest page) {
        Where where = where(filter);
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where.sql(), where.params(), Long.class);
        var items = jdbc.query(
                "select * from audit_event" + where.sql() + " order by id desc limit :limit offset :offset",
                where.params().addValue("limit", page.size()).addValue("offset", page.offset()),
                (rs, n) -> map(rs));
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    /**
     * Hands every matching event to {@code each}, newest first, one row at a time as the database
     * sends them (a cursor in a read-only transaction): an export of the whole trail never holds
     * more than one fetch of rows in memory.
     */
    @Transactional(readOnly = true)
    public void forEach(AuditFilter filter, Consumer<AuditEvent> each) {
        Where where = where(filter);
        streaming.query("select * from audit_event" + where.sql() + " order by id desc", where.params(), rs -> {
            each.accept(map(rs));
        });
    }

    private record Where(String sql, MapSqlParameterSource params) {}

    private static Where where(AuditFilter filter) {
        StringBuilder sql = new StringBuilder();
        MapSqlParameterSource params = new MapSqlParameterSource();
        condition(sql, params, "actor = :actor", "actor", filter.actor());
        condition(sql, params, "action = :action", "action", filter.action());
        condition(sql, params, "object_type = :type", "type", filter.objectType());
        condition(sql, params, "object_id = :id", "id", filter.objectId());
        condition(
                sql,
                params,
                "occurred_at >= :from",
                "from",
                filter.fromInstant() == null ? null : Timestamp.from(filter.fromInstant()));
        condition(
                sql,
                params,
                "occurred_at < :until",
                "until",
                filter.untilInstant() == null ? null : Timestamp.from(filter.untilInstant()));
        condition(
                sql,
                params,
                "reason ilike :reason escape '\\'",
                "reason",
                filter.reason() == null ? null : "%" + likeEscaped(filter.reason()) + "%");
        return new Where(sql.toString(), params);
    }

    private static void condition(
            StringBuilder sql, MapSqlParameterSource params, String condition, String name, Object value) {
        if (value != null) {
            sql.append(sql.isEmpty() ? " where " : " and ").append(condition);
            params.addValue(name, value);
        }
    }

    /** The text searched for as it is: its % and _ are no wildcards. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private AuditEvent map(ResultSet rs) throws SQLException {
        return new AuditEvent(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                parse(rs.getString("before")),
                parse(rs.getString("after")),
                rs.getString("reason"));
    }

    private JsonNode parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit value is not JSON", e);
        }
    }
}
