package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.discussion.CommentService;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A returned report stands out in the focal point's inbox (its status, the secretariat's comment
 * shortened with a link to it, a link to each objective the return notes name), and its form
 * links each named objective from the comment and marks it. Nauru's focal point of this test
 * only, so that no other test's tasks share its inbox.
 */
class ReturnedReportInboxIT extends IntegrationTest {

    static final String LONG_COMMENT = "Please give the number of consular staff trained in 2026 and the budget line"
            + " that funds the reintegration programme, and explain why objective 7 went down since last year.";

    static final CurrentUser FP_NRU = new CurrentUser("fp-nru-inbox", Set.of(Role.FOCAL_POINT), Set.of("NRU"));

    @Autowired
    ReportService reports;

    @Autowired
    CommentService comments;

    @Autowired
    CycleService cycles;

    @Autowired
    UserDirectory directory;

    @Test
    void returnedReportShowsItsStatusCommentAndTheObjectivesNamed() {
        directory.ensureExists(
                FP_NRU.username(),
                "inbox-password",
                new UserDraft("Nauru focal point", null, null, true, Set.of(Role.FOCAL_POINT), Set.of("NRU")));
        Report returned = nauruReport("inbox-returned");
        reports.saveDraft(returned.id(), FP_NRU, returned.lockVersion(), Entries.complete(2));
        reports.submit(returned.id(), FP_NRU, null);
        setClock(START.plus(1, ChronoUnit.HOURS));
        comments.postOnReport(returned.id(), 3, "Give the number of staff trained", Users.SECRETARIAT);
        comments.postOnReport(returned.id(), 7, "Why did the rating go down?", Users.SECRETARIAT);
        reports.validate(returned.id(), Users.SECRETARIAT, ValidationDecision.RETURN, LONG_COMMENT);
        Report draft = nauruReport("inbox-draft");

        FormClient nauru = new FormClient(http.getRootUri());
        nauru.signIn(FP_NRU.username(), "inbox-password");
        String inbox = nauru.get("/inbox").body();

        String returnedRow = row(inbox, returned.id());
        assertThat(returnedRow).contains("task-remark-status").contains("Returned for revision");
        assertThat(returnedRow).contains("Please give the number of consular staff trained");
        assertThat(returnedRow).as("shortened in the row").doesNotContain("went down since last year.");
        assertThat(returnedRow)
                .contains("href=\"/reports/" + returned.id() + "#return-comment\"")
                .contains("href=\"/reports/" + returned.id() + "#objective-3\"")
                .contains("href=\"/reports/" + returned.id() + "#objective-7\"")
                .doesNotContain("#objective-4\"");
        assertThat(row(inbox, draft.id())).doesNotContain("task-remark");

        String form = nauru.get("/reports/" + returned.id()).body();
        String returnBox = form.substring(form.indexOf("id=\"return-comment\""), form.indexOf("id=\"report-index\""));
        assertThat(returnBox)
                .contains(LONG_COMMENT)
                .contains("href=\"#objective-3\"")
                .contains("href=\"#objective-7\"");
        assertThat(form)
                .containsPattern("<fieldset class=\"[^\"]*objective-commented[^\"]*\" id=\"objective-3\"")
                .doesNotContainPattern("<fieldset class=\"[^\"]*objective-commented[^\"]*\" id=\"objective-4\"");

        // Another participant's focal point sees nothing of Nauru's return.
        FormClient egypt = new FormClient(http.getRootUri());
        egypt.signIn("fp-egy", "demo");
        assertThat(egypt.get("/inbox").body()).doesNotContain("consular staff trained in 2026");
    }

    private Report nauruReport(String prefix) {
        long cycleId = cycles.open(
                        new OpenCycleRequest(
                                CycleKind.ANNUAL_REVIEW,
                                uniquePeriod(prefix),
                                List.of("NRU"),
                                START.plus(30, ChronoUnit.DAYS),
                                null,
                                null),
                        Users.SECRETARIAT)
                .id();
        return reports.list(FP_NRU, cycleId, null).get(0);
    }

    /** The inbox's row whose Open button leads to the report. */
    private static String row(String inbox, long reportId) {
        Matcher rows =
                Pattern.compile("<tr[^>]*data-task-key.*?</tr>", Pattern.DOTALL).matcher(inbox);
        while (rows.find()) {
            if (rows.group().contains("href=\"/reports/" + reportId + "\"")) {
                return rows.group();
            }
        }
        throw new AssertionError("no inbox row for report " + reportId + " in " + inbox);
    }
}
