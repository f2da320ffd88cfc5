package org.compactreview.support.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Holds what the apps left in the database to what the clients were told: for every report,
 * each acknowledged step is there once, a step in doubt at most once, and the app's records
 * (versions, decisions, audit entries) agree with each other and with the engine's; the engine
 * has no task, job or incident left, ran every job exactly once and raised every capacity-building
 * request that the accepted reports asked for, once.
 */
public final class Ledger {

    private final JdbcClient db;

    public Ledger(JdbcClient db) {
        this.db = db;
    }

    /** The checks, after the cycle was worked to the end; returns the figures for the record. */
    public Map<String, Integer> check(ReviewWork work) {
        long cycle = work.cycleId();
        assertThat(count("select count(*) from report where cycle_id = ? and status = 'ACCEPTED'", cycle))
                .as("every report accepted")
                .isEqualTo(work.reports());
        int versionsTotal = 0;
        int auditTotal = 0;
        for (Map.Entry<Long, ReviewWork.Counts> entry : work.counts().entrySet()) {
            long report = entry.getKey();
            ReviewWork.Counts told = entry.getValue();
            String id = String.valueOf(report);
            int versions = count("select count(*) from report_version where report_id = ?", report);
            int decisions = count("select count(*) from validation_decision where report_id = ?", report);
            int returns = count(
                    "select count(*) from validation_decision where report_id = ? and decision = 'RETURN'", report);
            int submittedAudit = audit(id, "REPORT_SUBMITTED");
            int validatedAudit = audit(id, "REPORT_VALIDATED");
            int savedAudit = audit(id, "REPORT_DRAFT_SAVED");
            String what = "report " + report;
            assertThat(versions).as(what + ": versions").isEqualTo(ReviewWork.returnsOnce(report) ? 2 : 1);
            assertThat(count("select submitted_version from report where id = ?", report))
                    .as(what + ": submitted version")
                    .isEqualTo(versions);
            assertThat(submittedAudit)
                    .as(what + ": submissions audited once each")
                    .isEqualTo(versions);
            assertThat(decisions).as(what + ": one decision per version").isEqualTo(versions);
            assertThat(validatedAudit)
                    .as(what + ": decisions audited once each")
                    .isEqualTo(decisions);
            assertThat(returns).as(what + ": returns").isEqualTo(versions - 1);
            assertThat(versions)
                    .as(what + ": acknowledged submissions kept, none invented")
                    .isBetween(told.submitted.get(), told.submitted.get() + told.submitInDoubt.get());
            assertThat(decisions)
                    .as(what + ": acknowledged decisions kept, none invented")
                    .isBetween(told.validated.get(), told.validated.get() + told.validateInDoubt.get());
            java.util.Set<Integer> draftsSent = new java.util.HashSet<>(told.draftsAcknowledged);
            draftsSent.addAll(told.draftsInDoubt);
            assertThat(savedAudit)
                    .as(what + ": acknowledged draft saves kept, none invented (a repeated save changes nothing)")
                    .isBetween(told.draftsAcknowledged.size(), draftsSent.size());
            versionsTotal += versions;
            auditTotal += submittedAudit + validatedAudit + savedAudit;
        }
        String process = work.processInstanceId();
        // The cycle's instance and its participants' reviews (business keys "<cycle id>:...").
        String cycleInstances = "(select id_ from act_hi_procinst where id_ = ? or business_key_ like ?)";
        String reviews = work.cycleId() + ":%";
        assertThat(count("select count(*) from act_ru_task where proc_inst_id_ in " + cycleInstances, process, reviews))
                .as("no task left")
                .isZero();
        // Capacity-building follow-ups started by accepted reports stay open: their tasks and work
        // items must match one to one, like every other task's.
        assertThat(count("select count(*) from work_item w where not exists"
                        + " (select 1 from act_ru_task t where t.id_ = w.task_id)"))
                .as("work items without their task")
                .isZero();
        assertThat(count("select count(*) from act_ru_task t where not exists"
                        + " (select 1 from work_item w where w.task_id = t.id_)"))
                .as("tasks without their work item")
                .isZero();
        assertThat(count(
                        "select count(*) from act_ru_job where process_instance_id_ in " + cycleInstances,
                        process,
                        reviews))
                .as("no job left")
                .isZero();
        assertThat(count("select count(*) from act_ru_incident"))
                .as("no incident")
                .isZero();
        assertThat(count("select count(*) from act_hi_procinst where id_ = ? and end_time_ is not null", process))
                .as("the cycle's process ended")
                .isEqualTo(1);
        List<String> runTwice = db.sql(
                        """
                        select job_id_ from act_hi_job_log where process_instance_id_ in """
                                + cycleInstances
                                + """
                        group by job_id_ having count(*) filter (where job_state_ = 2) > 1""")
                .params(process, reviews)
                .query(String.class)
                .list();
        assertThat(runTwice).as("jobs that succeeded twice").isEmpty();
        List<String> neverEnded = db.sql(
                        """
                        select job_id_ from act_hi_job_log where process_instance_id_ in """
                                + cycleInstances
                                + """
                        group by job_id_ having count(*) filter (where job_state_ in (2, 3)) = 0""")
                .params(process, reviews)
                .query(String.class)
                .list();
        assertThat(neverEnded)
                .as("jobs that never succeeded nor were cancelled")
                .isEmpty();
        // Each accepted report's flagged objective raised exactly one capacity-building request,
        // with its process, at the review's save point (a job, so crashes and retries count here).
        assertThat(count(
                        """
                        select count(*) from report_entry e join report r on r.id = e.report_id
                        where r.cycle_id = ? and r.status = 'ACCEPTED' and e.support_needed""",
                        cycle))
                .as("objectives flagged in accepted reports")
                .isPositive()
                .isEqualTo(count(
                        "select count(*) from capacity_request where cycle_id = ? and process_instance_id is not null",
                        cycle))
                .isEqualTo(count("select count(*) from capacity_request where cycle_id = ?", cycle));
        String jobs = "select count(*) from act_hi_job_log where process_instance_id_ in " + cycleInstances;
        int jobsRun = count(jobs + " and job_state_ = 2", process, reviews);
        int jobsFailed = count(jobs + " and job_state_ = 1", process, reviews);
        return Map.of(
                "reports", work.reports(),
                "versions", versionsTotal,
                "auditEntries", auditTotal,
                "jobsRun", jobsRun,
                "jobFailuresRetried", jobsFailed);
    }

    private int audit(String reportId, String action) {
        return count(
                "select count(*) from audit_event where object_type = 'report' and object_id = ? and action = ?",
                reportId,
                action);
    }

    private int count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Integer.class).single();
    }
}
