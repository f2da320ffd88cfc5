package org.compactreview.capacity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CapacityRepository {

    private static final String SELECT = """
            select c.* from capacity_request c
            """;

    private final JdbcClient jdbc;

    private final FrameworkCatalog framework;

    CapacityRepository(JdbcClient jdbc, FrameworkCatalog framework) {
        this.jdbc = jdbc;
        this.framework = framework;
    }

    /** Inserts unless the report already raised a request for this objective; returns the new id. */
    Optional<Long> insert(
            String participant, int objective, long cycleId, long reportId, String priorities, Instant now) {
        return jdbc.sql(
                        """
                        insert into capacity_request (participant_code, objective_number, cycle_id, report_id, priorities,
                                                      stage, created_at, updated_at)
                        values (?, ?, ?, ?, ?, 'ASSESSMENT', ?, ?)
                        on conflict (report_id, objective_number) do nothing
                        returning id
                        """)
                .params(participant, objective, cycleId, reportId, priorities, ts(now), ts(now))
                .query(Long.class)
                .optional();
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update capacity_request set process_instance_id = ? where id = ?")
                .params(processInstanceId, id)
                .update();
    }

    Optional<Row> lock(long id) {
        return jdbc.sql(SELECT + " where c.id = ? for update")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where c.id = ?")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    List<Row> list(CapacityFilter filter, Collection<String> onlyParticipants) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, onlyParticipants, null, null, params);
        return jdbc.sql(SELECT + where + " order by c.created_at desc, c.id desc limit 500")
                .paramSource(params)
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * One page of the list (issue 14): the filter's requests, among {@code searched} participants
     * (null: any) and of one cycle (null: any), newest first, with the total.
     */
    org.compactreview.platform.Page<Row> page(
            CapacityFilter filter,
            Collection<String> onlyParticipants,
            Collection<String> searched,
            Long cycleId,
            org.compactreview.platform.PageRequest page) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, onlyParticipants, searched, cycleId, params);
        long total = jdbc.sql("select count(*) from capacity_request c" + where)
                .paramSource(params)
                .query(Long.class)
                .single();
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<Row> rows = jdbc.sql(SELECT + where + " order by c.created_at desc, c.id desc limit :limit offset :offset")
                .paramSource(params)
                .query((rs, n) -> row(rs))
                .list();
        return new org.compactreview.platform.Page<>(rows, page.page(), page.size(), total);
    }

    private String where(
            CapacityFilter filter,
            Collection<String> onlyParticipants,
            Collection<String> searched,
            Long cycleId,
            MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" where true");
        if (onlyParticipants != null) {
            where.append(" and c.participant_code in (:mine)");
            params.addValue("mine", onlyParticipants.isEmpty() ? List.of("") : onlyParticipants);
        }
        if (searched != null) {
            where.append(" and c.participant_code in (:searched)");
            params.addValue("searched", searched.isEmpty() ? List.of("") : searched);
        }
        if (cycleId != null) {
            where.append(" and c.cycle_id = :cycle");
            params.addValue("cycle", cycleId);
        }
        if (filter.objective() != null) {
            where.append(" and c.objective_number = :objective");
            params.addValue("objective", filter.objective());
        }
        if (filter.region() != null) {
            // Names and regions are the framework's: its catalog says which participants a region has.
            where.append(" and c.participant_code in (:region)");
            Set<String> inRegion = framework.participantsOfRegion(filter.region());
            params.addValue("region", inRegion.isEmpty() ? Set.of("") : inRegion);
        }
        if (filter.stage() != null) {
            where.append(" and c.stage = :stage");
            params.addValue("stage", filter.stage().name());
        }
        if (filter.participantCode() != null) {
            where.append(" and c.participant_code = :participant");
            params.addValue("participant", filter.participantCode());
        }
        return where.toString();
    }

    void updateStage(long id, CapacityStage stage, Long mergedInto, String declineReason, Instant now) {
        jdbc.sql(
                        """
                        update capacity_request set stage = ?, merged_into = coalesce(?, merged_into),
                               decline_reason = coalesce(?, decline_reason), updated_at = ?, lock_version = lock_version + 1
                        where id = ?
                        """)
                .params(stage.name(), mergedInto, declineReason, ts(now), id)
                .update();
    }

    void insertPlan(long id, SupportPlan plan, String by, Instant now) {
        jdbc.sql(
                        """
                        insert into support_plan (request_id, implementing_partner, activities, start_date, end_date,
                                                  budget, currency, funding_source, review_interval, agreed_by, agreed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        plan.implementingPartner(),
                        plan.activities(),
                        plan.startDate(),
                        plan.endDate(),
                        plan.budget(),
                        plan.currency(),
                        plan.fundingSource(),
                        plan.reviewInterval(),
                        by,
                        ts(now))
                .update();
    }

    Optional<SupportPlan> plan(long id) {
        return Optional.ofNullable(plans(List.of(id)).get(id));
    }

    /** The support plans of these requests, by request id, in one query. */
    Map<Long, SupportPlan> plans(Collection<Long> ids) {
        Map<Long, SupportPlan> plans = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from support_plan where request_id in (:ids)")
                    .param("ids", ids)
                    .query((RowCallbackHandler) rs -> plans.put(
                            rs.getLong("request_id"),
                            new SupportPlan(
                                    rs.getString("implementing_partner"),
                                    rs.getString("activities"),
                                    rs.getObject("start_date", java.time.LocalDate.class),
                                    rs.getObject("end_date", java.time.LocalDate.class),
                                    rs.getBigDecimal("budget"),
                                    rs.getString("currency"),
                                    rs.getString("funding_source"),
                                    rs.getString("review_interval"))));
        }
        return plans;
    }

    void insertUpdate(long id, UpdateStatus status, String done, String next, String by, Instant now) {
        jdbc.sql(
                        """
                        insert into capacity_update (request_id, status, done, next_steps, reported_by, reported_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(id, status.name(), done, next, by, ts(now))
                .update();
    }

    /** The progress updates of these requests, oldest first, by request id, in one query. */
    Map<Long, List<ProgressUpdate>> updates(Collection<Long> ids) {
        Map<Long, List<ProgressUpdate>> updates = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from capacity_update where request_id in (:ids) order by reported_at, id")
                    .param("ids", ids)
                    .query((RowCallbackHandler)
                            rs -> updates.computeIfAbsent(rs.getLong("request_id"), request -> new ArrayList<>())
                                    .add(new ProgressUpdate(
                                            rs.getLong("id"),
                                            UpdateStatus.valueOf(rs.getString("status")),
                                            rs.getString("done"),
                                            rs.getString("next_steps"),
                                            rs.getString("reported_by"),
                                            rs.getTimestamp("reported_at").toInstant())));
        }
        return updates;
    }

    void insertEvaluation(long id, int rating, String lessons, String by, Instant now) {
        jdbc.sql(
                        """
                        insert into capacity_evaluation (request_id, outcome_rating, lessons, evaluated_by, evaluated_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(id, rating, lessons, by, ts(now))
                .update();
    }

    /** The evaluations of these requests, by request id, in one query. */
    Map<Long, Evaluation> evaluations(Collection<Long> ids) {
        Map<Long, Evaluation> evaluations = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from capacity_evaluation where request_id in (:ids)")
                    .param("ids", ids)
                    .query((RowCallbackHandler) rs -> evaluations.put(
                            rs.getLong("request_id"),
                            new Evaluation(
                                    rs.getInt("outcome_rating"),
                                    rs.getString("lessons"),
                                    rs.getString("evaluated_by"),
                                    rs.getTimestamp("evaluated_at").toInstant())));
        }
        return evaluations;
    }

    void insertPractice(long requestId, int objective, String participant, String summary, Instant now) {
        jdbc.sql(
                        """
                        insert into practice (request_id, objective_number, participant_code, summary, published_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(requestId, objective, participant, summary, ts(now))
                .update();
    }

    List<Practice> practices(Integer objective) {
        return jdbc.sql(
                        """
                        select * from practice where (cast(:objective as smallint) is null or objective_number = :objective)
                        order by published_at desc, id desc limit 500
                        """)
                .param("objective", objective)
                .query((rs, n) -> new Practice(
                        rs.getLong("id"),
                        rs.getLong("request_id"),
                        rs.getInt("objective_number"),
                        rs.getString("participant_code"),
                        rs.getString("summary"),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    /** How many requests are still open (assessed, planned, implemented or evaluated), per objective. */
    Map<Integer, Long> openByObjective() {
        Map<Integer, Long> open = new HashMap<>();
        jdbc.sql(
                        """
                        select objective_number, count(*) as open from capacity_request
                        where stage in ('ASSESSMENT', 'PLANNING', 'IMPLEMENTATION', 'EVALUATION')
                        group by objective_number
                        """)
                .query((RowCallbackHandler) rs -> open.put(rs.getInt("objective_number"), rs.getLong("open")));
        return open;
    }

    private Row row(ResultSet rs) throws SQLException {
        String code = rs.getString("participant_code");
        Optional<Participant> participant = framework.participant(code);
        return new Row(
                rs.getLong("id"),
                code,
                participant.map(Participant::name).orElse(null),
                participant.map(Participant::region).orElse(null),
                rs.getInt("objective_number"),
                rs.getLong("cycle_id"),
                rs.getLong("report_id"),
                rs.getString("priorities"),
                CapacityStage.valueOf(rs.getString("stage")),
                (Long) rs.getObject("merged_into"),
                rs.getString("decline_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    /** The request's own row. */
    record Row(
            long id,
            String participantCode,
            String participantName,
            String region,
            int objective,
            long cycleId,
            long reportId,
            String priorities,
            CapacityStage stage,
            Long mergedInto,
            String declineReason,
            Instant createdAt,
            Instant updatedAt) {}
}
