package org.compactreview.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;

/**
 * Every page of the app, each with the user who sees it, over data that gives each page
 * something to show: one list for the tests that go through all pages (the screen sweep in a
 * real Chromium, the pages in every language). A page added to the app is added here.
 *
 * <p>The data: a consolidated cycle where Egypt's and Jordan's reports were accepted (Egypt's with
 * a capacity-building request for objective 5), and a current cycle where Egypt's report is a
 * draft on fp-egy's desk and Jordan's waits for validation.
 */
public final class AppPages {

    /** The "user" of the pages seen signed out. */
    public static final String SIGNED_OUT = "";

    private AppPages() {}

    /** Pages by user, in the order a sweep visits them. */
    public static Map<String, List<String>> prepare(IntegrationTest test, ReportService reports) {
        ReviewCycle settled = test.openAnnualReview("pages", "EGY", "JOR");
        Report egypt = accept(test, reports, settled, Users.FP_EGY, 5);
        accept(test, reports, settled, Users.FP_JOR);
        test.runCycleJobs(settled.id());
        long request = test.jdbc
                .sql("select id from capacity_request where report_id = ? and objective_number = 5")
                .param(egypt.id())
                .query(Long.class)
                .single();

        ReviewCycle open = test.openAnnualReview("pages-open", "EGY", "JOR");
        Report draft = reports.list(Users.FP_EGY, open.id(), null).get(0);
        reports.saveDraft(draft.id(), Users.FP_EGY, draft.lockVersion(), Entries.complete(1));
        Report jordan = reports.list(Users.FP_JOR, open.id(), null).get(0);
        jordan = reports.saveDraft(jordan.id(), Users.FP_JOR, jordan.lockVersion(), Entries.complete(2));
        reports.submit(jordan.id(), Users.FP_JOR, null);
        String task = test.jdbc
                .sql("select task_id from work_item where cycle_id = ? and participant_code = 'EGY'")
                .param(open.id())
                .query(String.class)
                .single();
        long cycle = settled.id();
        long current = open.id();

        Map<String, List<String>> pages = new LinkedHashMap<>();
        // A mail's unsubscribe link (issue 15), opened without a session: it only asks.
        String unsubscribe = test.jdbc
                .sql(
                        """
                        insert into notification_settings (username, unsubscribe_token) values ('contrib-egy', ?)
                        on conflict (username) do update set unsubscribe_token =
                            coalesce(notification_settings.unsubscribe_token, excluded.unsubscribe_token)
                        returning unsubscribe_token
                        """)
                .param("pages-unsubscribe-" + Long.toString(System.nanoTime(), 36))
                .query(String.class)
                .single();
        pages.put(SIGNED_OUT, List.of("/login", "/notifications/unsubscribe/" + unsubscribe));
        pages.put(
                "fp-egy",
                List.of(
                        "/inbox",
                        "/reports",
                        "/reports?participant=EGY",
                        "/reports/" + draft.id(),
                        "/reports/" + draft.id() + "/submit",
                        "/reports/" + egypt.id() + "/versions/1",
                        "/reports/" + egypt.id() + "/print",
                        "/history/report/" + egypt.id(),
                        "/tasks/" + task + "/discussion",
                        "/capacity",
                        "/capacity/" + request,
                        "/practices",
                        "/dialogue",
                        "/dialogue/" + cycle,
                        "/dialogue/" + cycle + "/5",
                        "/account/absences",
                        "/account/tokens",
                        "/calendar",
                        "/notifications/settings",
                        "/notifications"));
        pages.put(
                "secretariat",
                List.of(
                        "/inbox",
                        "/cycles",
                        "/cycles/new",
                        "/cycles/overview",
                        "/cycles/" + current,
                        "/cycles/" + cycle + "/summary",
                        "/cycles/" + current + "/process",
                        "/cycles/" + current + "/process/Task_ValidateReport",
                        "/validation",
                        "/validation?cycle=" + current + "&region=AFRICA&q=jor",
                        "/cycles?kind=ANNUAL_REVIEW&status=OPEN&q=pages",
                        "/reports",
                        "/reports?participant=EGY",
                        "/capacity?q=egypt&stage=ASSESSMENT",
                        "/reports/" + jordan.id() + "/validate",
                        "/benchmarking",
                        "/benchmarking/participants/EGY",
                        "/benchmarking/regions/AFRICA",
                        "/conferences/new",
                        "/team",
                        "/team?assignee=fp-egy&sort=participant&dir=desc",
                        "/workload",
                        "/audit",
                        "/audit?objectType=report&objectId=" + egypt.id(),
                        "/history/cycle/" + cycle,
                        "/capacity",
                        "/capacity/" + request,
                        "/cycles/999999"));
        pages.put(
                "manager",
                List.of(
                        "/workload?group=participants",
                        "/team?cycleId=" + open.id(),
                        "/tasks/" + task + "/due-date",
                        "/history/task/" + task,
                        "/users/fp-jor/absences"));
        pages.put(
                "admin",
                List.of(
                        "/admin/users",
                        "/admin/users/new",
                        "/admin/users/fp-egy",
                        "/admin/mail",
                        "/history/user/fp-egy",
                        "/reports?participant=EGY"));
        pages.put("contrib-egy", List.of("/my-sections"));
        return pages;
    }

    /** A focal point's report in the cycle, drafted complete, submitted and accepted. */
    private static Report accept(
            IntegrationTest test,
            ReportService reports,
            ReviewCycle cycle,
            CurrentUser focalPoint,
            Integer... support) {
        Report report = reports.list(focalPoint, cycle.id(), null).get(0);
        report = reports.saveDraft(report.id(), focalPoint, report.lockVersion(), Entries.complete(3, support));
        reports.submit(report.id(), focalPoint, null);
        return reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
    }
}
