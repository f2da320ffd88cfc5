package org.compactreview.discussion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Attachments and their content. Content goes in chunks of {@value #CHUNK} bytes: each is handed
 * to the driver as a stream of known length ({@code setBinaryStream}) and read back one at a
 * time, so memory per transfer is one chunk, whatever the file's size.
 */
@Repository
class AttachmentRepository {

    static final int CHUNK = 256 * 1024;

    private static final String COLUMNS =
            "id, report_id, objective_number, capacity_request_id, capacity_update_id, task_id, filename, "
                    + "content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AttachmentRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(AttachmentTarget target, String filename, AttachmentType type, long size, String by, Instant at) {
        return jdbc.sql(
                        """
                        insert into attachment (report_id, objective_number, capacity_request_id, capacity_update_id,
                            task_id, filename, content_type, size_bytes, uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        target.reportId(),
                        target.objective(),
                        target.capacityRequestId(),
                        target.capacityUpdateId(),
                        target.taskId(),
                        filename,
                        type.mediaType(),
                        size,
                        by,
                        Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** Writes one chunk, reading exactly {@code length} bytes of {@code content}. */
    void insertChunk(long attachmentId, int seq, InputStream content, int length) {
        template.update("insert into attachment_chunk (attachment_id, seq, data) values (?, ?, ?)", statement -> {
            statement.setLong(1, attachmentId);
            statement.setInt(2, seq);
            statement.setBinaryStream(3, content, length);
        });
    }

    void setDigest(long attachmentId, String sha256) {
        jdbc.sql("update attachment set sha256 = ? where id = ?")
                .params(sha256, attachmentId)
                .update();
    }

    /** Copies the content to {@code out}, one chunk read at a time. */
    void copyContent(long attachmentId, OutputStream out) {
        int chunks = jdbc.sql("select count(*) from attachment_chunk where attachment_id = ?")
                .param(attachmentId)
                .query(Integer.class)
                .single();
        for (int seq = 0; seq < chunks; seq++) {
            template.query(
                    "select data from attachment_chunk where attachment_id = ? and seq = ?",
                    (ResultSet rs) -> {
                        if (rs.next()) {
                            try (InputStream data = rs.getBinaryStream(1)) {
                                data.transferTo(out);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        return null;
                    },
                    attachmentId,
                    seq);
        }
    }

    Optional<Attachment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from attachment where id = ?")
                .param(id)
                .query(AttachmentRepository::attachment)
                .optional();
    }

    List<Attachment> ofReport(long reportId) {
        return jdbc.sql("select " + COLUMNS + " from attachment where report_id = ? order by objective_number, id")
                .param(reportId)
                .query(AttachmentRepository::attachment)
                .list();
    }

    List<Attachment> ofRequest(long requestId) {
        return jdbc.sql("select " + COLUMNS
                        + " from attachment where capacity_request_id = ? order by capacity_update_id, id")
                .param(requestId)
                .query(AttachmentRepository::attachment)
                .list();
    }

    List<Attachment> ofTask(String taskId) {
        return jdbc.sql("select " + COLUMNS + " from attachment where task_id = ? order by id")
                .param(taskId)
                .query(AttachmentRepository::attachment)
                .list();
    }

    void delete(long id) {
        jdbc.sql("delete from attachment where id = ?").param(id).update();
    }

    private static Attachment attachment(ResultSet rs, int n) throws SQLException {
        AttachmentTarget target;
        if (rs.getObject("report_id") != null) {
            target = AttachmentTarget.reportEntry(rs.getLong("report_id"), rs.getInt("objective_number"));
        } else if (rs.getObject("capacity_update_id") != null) {
            target = AttachmentTarget.capacityUpdate(
                    rs.getLong("capacity_request_id"), rs.getLong("capacity_update_id"));
        } else {
            target = AttachmentTarget.task(rs.getString("task_id"));
        }
        return new Attachment(
                rs.getLong("id"),
                target,
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
