package org.compactreview.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.compactreview.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One query per board: reports, participants and their open report task. */
@Service
public class CycleBoard {

    private final JdbcClient jdbc;
    private final Clock clock;

    CycleBoard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ParticipantStatus> status(long cycleId) {
        Instant now = clock.instant();
        Instant due = jdbc.sql("select submission_due from review_cycle where id = ?")
                .param(cycleId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElseThrow(() -> new NotFoundException("cycle", cycleId));
        return jdbc.sql(
                        """
                        select r.id, r.participant_code, p.name, p.region, r.status, r.submitted_version,
                               w.task_id, w.assignee
                        from report r
                        join participant p on p.code = r.participant_code
                        left join lateral (
                            select task_id, assignee from work_item w
                            where w.report_id = r.id and w.task_key in ('Task_SubmitReport', 'Task_ValidateReport')
                            order by w.created_at desc limit 1) w on true
                        where r.cycle_id = ?
                        order by p.name
                        """)
                .param(cycleId)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    boolean inSubmission = "DRAFT".equals(status) || "RETURNED".equals(status);
                    return new ParticipantStatus(
                            rs.getString("participant_code"),
                            rs.getString("name"),
                            rs.getString("region"),
                            rs.getLong("id"),
                            stage(status),
                            status,
                            rs.getInt("submitted_version"),
                            due,
                            inSubmission && now.isAfter(due),
                            rs.getString("task_id"),
                            rs.getString("assignee"));
                })
                .list();
    }

    private static String stage(String reportStatus) {
        return switch (reportStatus) {
            case "DRAFT", "RETURNED" -> "SUBMISSION";
            case "SUBMITTED" -> "VALIDATION";
            case "ACCEPTED" -> "DONE";
            default -> "CLOSED";
        };
    }
}
