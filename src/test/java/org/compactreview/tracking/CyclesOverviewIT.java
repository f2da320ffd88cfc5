package org.compactreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.PageRequest;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.BrowserTest;
import org.compactreview.support.Entries;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The cycles overview over two annual cycles driven through the real services: some reports
 * submitted late, one returned then accepted, one never submitted (escalated to the managers).
 * The cycles are opened far after every other test's, so they are the newest and lead page 0.
 */
class CyclesOverviewIT extends BrowserTest {

    private static final Instant FIRST_OPENED = Instant.parse("2041-01-01T00:00:00Z");
    private static final Instant SECOND_OPENED = FIRST_OPENED.plus(100, ChronoUnit.DAYS);

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    CyclesOverview overview;

    @Autowired
    ObjectMapper json;

    @Test
    void figuresOfTwoAnnualCyclesOnTheServiceThePageAndTheApi() throws Exception {
        // First cycle, due on day 30: Egypt on time and accepted as it was (day 10, accepted day 12);
        // Jordan on time (day 20), returned (day 21), revised (day 25), accepted on day 40: 20 days
        // after its first submission; Morocco never submits and is escalated after the due date.
        setClock(FIRST_OPENED);
        ReviewCycle first = open(FIRST_OPENED, "EGY", "JOR", "MAR");
        submitOn(first, Users.FP_EGY, day(FIRST_OPENED, 10));
        decideOn(first, Users.FP_EGY, day(FIRST_OPENED, 12), ValidationDecision.ACCEPT);
        submitOn(first, Users.FP_JOR, day(FIRST_OPENED, 20));
        decideOn(first, Users.FP_JOR, day(FIRST_OPENED, 21), ValidationDecision.RETURN);
        submitOn(first, Users.FP_JOR, day(FIRST_OPENED, 25));
        setClock(day(FIRST_OPENED, 31));
        runCycleJobs(first.id()); // the reminder, then the managers' follow-up of Morocco
        decideOn(first, Users.FP_JOR, day(FIRST_OPENED, 40), ValidationDecision.ACCEPT);

        // Second cycle, due on day 30: Egypt late (day 33), accepted a day later; Jordan late (day
        // 40), not decided yet. No job runs here, so no escalation is raised in this cycle.
        setClock(SECOND_OPENED);
        ReviewCycle second = open(SECOND_OPENED, "EGY", "JOR");
        submitOn(second, Users.FP_EGY, day(SECOND_OPENED, 33));
        decideOn(second, Users.FP_EGY, day(SECOND_OPENED, 34), ValidationDecision.ACCEPT);
        submitOn(second, Users.FP_JOR, day(SECOND_OPENED, 40));
        setClock(day(SECOND_OPENED, 41));

        // Other tests' cycles share the database (some opened later than these): walk every page,
        // newest first, and keep this test's two, in the order the overview gave them.
        List<CycleOverviewRow> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<CycleOverviewRow> items =
                    overview.overview(Users.MANAGER, new PageRequest(page, 50)).items();
            all.addAll(items);
            if (items.size() < 50) {
                break;
            }
        }
        List<CycleOverviewRow> rows = all.stream()
                .filter(row -> row.id() == second.id() || row.id() == first.id())
                .toList();
        assertThat(rows).extracting(CycleOverviewRow::id).containsExactly(second.id(), first.id());

        CycleOverviewRow late = rows.get(0);
        assertThat(late.reports()).isEqualTo(2);
        assertThat(late.accepted()).isEqualTo(1);
        assertThat(late.submitted()).isEqualTo(1);
        assertThat(late.drafts()).isZero();
        assertThat(late.onTimePercent()).isEqualTo(new BigDecimal("0.0"));
        assertThat(late.acceptedAtFirstPercent()).isEqualTo(new BigDecimal("100.0"));
        assertThat(late.medianDaysToSubmission()).isEqualTo(new BigDecimal("36.5"));
        assertThat(late.medianDaysToAcceptance()).isEqualTo(new BigDecimal("1.0"));
        assertThat(late.openEscalations()).isZero();
        assertThat(late.overdueNow()).isZero();

        CycleOverviewRow earlier = rows.get(1);
        assertThat(earlier.reports()).isEqualTo(3);
        assertThat(earlier.accepted()).isEqualTo(2);
        assertThat(earlier.drafts()).isEqualTo(1);
        assertThat(earlier.returned()).isZero();
        assertThat(earlier.closedUnsubmitted()).isZero();
        assertThat(earlier.onTimePercent()).isEqualTo(new BigDecimal("66.7"));
        assertThat(earlier.acceptedAtFirstPercent()).isEqualTo(new BigDecimal("50.0"));
        assertThat(earlier.medianDaysToSubmission()).isEqualTo(new BigDecimal("15.0"));
        assertThat(earlier.medianDaysToAcceptance()).isEqualTo(new BigDecimal("11.0"));
        assertThat(earlier.openEscalations()).isEqualTo(1);
        assertThat(earlier.overdueNow()).isEqualTo(1);

        assertThatThrownBy(() -> overview.overview(Users.FP_EGY, new PageRequest(0, 2)))
                .isInstanceOf(ForbiddenException.class);

        // The API: the same figures, paged; 403 to a focal point and to an administrator.
        ResponseEntity<String> answer = as("secretariat").getForEntity("/api/v1/cycles/overview?size=2", String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode page = json.readTree(answer.getBody());
        assertThat(page.path("size").asInt()).isEqualTo(2);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode top = page.path("items").get(1);
        assertThat(top.path("id").asLong()).isEqualTo(first.id());
        assertThat(top.path("onTimePercent").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(top.path("openEscalations").asInt()).isEqualTo(1);
        assertThat(as("fp-egy")
                        .getForEntity("/api/v1/cycles/overview", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(as("admin")
                        .getForEntity("/api/v1/cycles/overview", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(as("manager")
                        .getForEntity("/api/v1/cycles/overview?size=0", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);

        // The page, in English and in Arabic (Arabic-Indic digits), wide and at 390 px.
        signIn("secretariat");
        open("/cycles/overview?lang=en");
        wide();
        String row = "#cycle-" + first.id() + " ";
        assertThat(text(row + "[data-kpi=on-time]")).isEqualTo("66.7%");
        assertThat(text(row + "[data-kpi=days-to-acceptance]")).isEqualTo("11.0");
        assertThat(text(row + "[data-kpi=escalations]")).isEqualTo("1");
        assertThat(text(row + "[data-kpi=overdue]")).isEqualTo("1");
        assertThat(text("#cycle-" + second.id() + " [data-kpi=on-time]")).isEqualTo("0.0%");
        screenshot("cycles-overview-en");
        narrow();
        screenshot("cycles-overview-en-390");
        assertNoSidewaysScroll();
        open("/cycles/overview?lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(text(row + "[data-kpi=reports]")).isEqualTo("٣");
        assertThat(text(row + "[data-kpi=days-to-submission]")).startsWith("١٥");
        narrow();
        screenshot("cycles-overview-ar-390");
        assertNoSidewaysScroll();
        wide();
        screenshot("cycles-overview-ar");
        open("/cycles/overview?lang=en");
        signOut();
    }

    private ReviewCycle open(Instant opened, String... participants) {
        return cycles.open(
                new OpenCycleRequest(
                        CycleKind.ANNUAL_REVIEW,
                        uniquePeriod("kpi"),
                        List.of(participants),
                        day(opened, 30),
                        null,
                        null),
                Users.SECRETARIAT);
    }

    private void submitOn(ReviewCycle cycle, CurrentUser focalPoint, Instant at) {
        setClock(at);
        Report report = reports.list(focalPoint, cycle.id(), null).get(0);
        reports.saveDraft(report.id(), focalPoint, report.lockVersion(), Entries.complete(2));
        reports.submit(report.id(), focalPoint, null);
    }

    private void decideOn(ReviewCycle cycle, CurrentUser focalPoint, Instant at, ValidationDecision decision) {
        setClock(at);
        Report report = reports.list(focalPoint, cycle.id(), null).get(0);
        reports.validate(
                report.id(), Users.SECRETARIAT, decision, decision == ValidationDecision.RETURN ? "Revise" : null);
    }

    private static Instant day(Instant opened, int days) {
        return opened.plus(days, ChronoUnit.DAYS);
    }

    /** The cell's text, also when the wide table has scrolled it out of view. */
    private String text(String css) {
        return browser.findElement(By.cssSelector(css))
                .getAttribute("textContent")
                .trim();
    }

    private void wide() {
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    /** 390 pixels wide, scrolled past the menu to the page itself. */
    private void narrow() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("document.getElementById('main').scrollIntoView({block: 'start', behavior: 'instant'})");
    }

    /** The page itself never scrolls sideways; the wide table scrolls inside its own box. */
    private void assertNoSidewaysScroll() {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(browser.getCurrentUrl()).isLessThanOrEqualTo(0);
    }
}
