package org.compactreview.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit trail, newest first, optionally for one object. */
@Service
public class AuditQuery {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditQuery(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Events of one kind of object ({@link AuditObjectType}, in any case) and/or one object id. */
    public Page<AuditEvent> find(String objectTypeName, String objectId, PageRequest page) {
        String objectType = objectTypeName == null || objectTypeName.isBlank()
                ? null
                : AuditObjectType.parse(objectTypeName)
                        .map(AuditObjectType::code)
                        .orElseThrow(() -> new InvalidInputException(
                                "objectType",
                                "validation.audit.object-type",
                                String.join(
                                        ", ",
                                        Arrays.stream(AuditObjectType.values())
                                                .map(AuditObjectType::code)
                                                .toList())));
        String where = " where (cast(:type as varchar) is null or object_type = :type)"
                + " and (cast(:id as varchar) is null or object_id = :id)";
        long total = jdbc.sql("select count(*) from audit_event" + where)
                .param("type", objectType)
                .param("id", objectId)
                .query(Long.class)
                .single();
        var items = jdbc.sql("select * from audit_event" + where + " order by id desc limit :limit offset :offset")
                .param("type", objectType)
                .param("id", objectId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> map(rs))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
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
