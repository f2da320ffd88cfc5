package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.compactreview.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole journey in a real headless Chromium (Debian's chromium and chromedriver): the
 * secretariat opens a cycle; fp-egy drafts, leaves, comes back, submits; the secretariat returns
 * it; fp-egy sees the comment and resubmits; the secretariat accepts; a manager reassigns a task;
 * Arabic pages are right to left. If the browser cannot start, this test fails: it is never
 * skipped.
 */
class BrowserJourneyIT extends BrowserTest {

    @Test
    void reviewJourneyFromOpeningToAcceptanceAndReassignment() throws Exception {
        try {
            journey();
        } catch (Throwable failure) {
            screenshot("failure");
            throw failure;
        }
    }

    private void journey() throws Exception {
        String period = uniquePeriod("web");

        signIn("secretariat");
        open("/cycles/new");
        browser.findElement(By.id("period")).sendKeys(period);
        web.setValue("due", "2027-03-31");
        click(By.id("scope-chosen"));
        click(By.id("p-EGY"));
        click(By.id("p-JOR"));
        click(By.id("open-submit"));
        assertThat(browser.findElement(By.id("open-count")).getText()).startsWith("2 participants");
        click(By.id("confirm-open"));
        assertThat(flash()).contains("The cycle is open");
        assertEveryFieldHasALabel();
        assertThat(browser.findElements(By.cssSelector("#board tbody tr"))).hasSize(2);
        String cycleId = browser.getCurrentUrl().replaceAll(".*/cycles/(\\d+).*", "$1");
        screenshot("board-en");
        signOut();

        // fp-egy drafts, leaves, comes back: nothing is lost.
        signIn("fp-egy");
        openMyReport(period);
        select("rating-1", "2");
        browser.findElement(By.id("achievements-1")).sendKeys("National data strategy adopted");
        click(By.id("support-5"));
        click(By.id("save-draft"));
        assertThat(flash()).isEqualTo("Draft saved.");
        open("/inbox");
        openMyReport(period);
        assertThat(new Select(browser.findElement(By.id("rating-1")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("2");
        assertThat(browser.findElement(By.id("achievements-1")).getAttribute("value"))
                .isEqualTo("National data strategy adopted");
        assertThat(browser.findElement(By.id("support-5")).isSelected()).isTrue();
        assertEveryFieldHasALabel();
        screenshot("report-form-en");

        // Submitting without every rating shows what is missing; then rate all and submit.
        click(By.id("review-submit"));
        assertThat(browser.findElement(By.id("missing-ratings")).getText()).contains("Objective 2");
        click(By.id("back-to-report"));
        for (int n = 2; n <= 23; n++) {
            select("rating-" + n, String.valueOf(n % 5));
        }
        click(By.id("review-submit"));
        click(By.id("confirm-submit"));
        assertThat(flash()).contains("Report submitted");
        signOut();

        // The secretariat returns it with a comment.
        signIn("secretariat");
        reviewInQueue("EGY", cycleId);
        click(By.id("decision-return"));
        browser.findElement(By.id("comment")).sendKeys("Please add figures for objective 7.");
        click(By.id("record-decision"));
        assertThat(flash()).contains("returned");
        signOut();

        // fp-egy sees the comment and resubmits.
        signIn("fp-egy");
        openMyReport(period);
        assertThat(browser.findElement(By.id("return-comment")).getText())
                .contains("Please add figures for objective 7.");
        browser.findElement(By.id("achievements-7")).sendKeys("Figures: 1200 cases");
        click(By.id("review-submit"));
        click(By.id("confirm-submit"));
        assertThat(flash()).contains("Report submitted");
        signOut();

        // The secretariat sees what changed and accepts.
        signIn("secretariat");
        reviewInQueue("EGY", cycleId);
        assertThat(browser.findElements(By.cssSelector("#side-by-side tr.version-diff")))
                .hasSize(1);
        assertEveryFieldHasALabel();
        screenshot("validate-en");
        click(By.id("decision-accept"));
        click(By.id("record-decision"));
        assertThat(flash()).isEqualTo("Report accepted.");
        signOut();

        // A manager hands Jordan's task to its focal point.
        signIn("manager");
        open("/team?participant=JOR&cycleId=" + cycleId);
        WebElement row = browser.findElement(By.cssSelector("#team-tasks tr[data-participant='JOR']"));
        web.click(row.findElement(By.name("taskIds")));
        select("reassign-to", "fp-jor");
        browser.findElement(By.id("reassign-reason")).sendKeys("Jordan's own focal point");
        click(By.id("reassign-submit"));
        assertThat(flash()).isEqualTo("The reassignment is done.");
        assertThat(browser.findElement(By.cssSelector("#team-tasks tr[data-participant='JOR']"))
                        .getText())
                .contains("Focal point, Jordan");
        signOut();

        // Capacity building: objective 5 was flagged for support; the acceptance's save point raised
        // a request, which is assessed and planned.
        runCycleJobs(Long.parseLong(cycleId));
        String capacityProcess = jdbc.sql(
                        "select c.process_instance_id from capacity_request c join report r on r.id = c.report_id"
                                + " where r.cycle_id = ? and c.objective_number = 5")
                .param(Long.parseLong(cycleId))
                .query(String.class)
                .single();
        runDueJobs(capacityProcess);
        signIn("secretariat");
        open("/capacity?objective=5&stage=ASSESSMENT");
        click(By.cssSelector("#capacity-requests tr[data-objective='5'] a"));
        String requestUrl = browser.getCurrentUrl();
        assertEveryFieldHasALabel();
        click(By.id("assessment-ACCEPT"));
        click(By.id("assess-submit"));
        assertThat(browser.findElement(By.id("capacity-stage")).getText()).isEqualTo("Support planning");
        signOut();

        signIn("manager");
        browser.get(requestUrl);
        browser.findElement(By.id("implementingPartner")).sendKeys("IOM country office");
        browser.findElement(By.id("activities")).sendKeys("Bilateral labour agreement workshops");
        web.setValue("startDate", "2027-01-10");
        web.setValue("endDate", "2027-01-01");
        click(By.id("plan-submit"));
        assertThat(browser.findElement(By.cssSelector("[role=alert].alert")).getText())
                .contains("end date cannot be before the start date");
        assertThat(browser.findElement(By.id("activities")).getAttribute("value"))
                .isEqualTo("Bilateral labour agreement workshops");
        web.setValue("endDate", "2027-07-10");
        click(By.id("plan-submit"));
        assertThat(browser.findElement(By.id("capacity-stage")).getText()).isEqualTo("Implementation");
        screenshot("capacity-en");
        signOut();

        signIn("fp-egy");
        open("/capacity");
        assertThat(browser.findElements(By.cssSelector("#capacity-requests tbody tr")))
                .allSatisfy(tr -> assertThat(tr.getText()).contains("Egypt"));
        openMyReportOfCycle(cycleId);
        assertThat(browser.findElement(By.cssSelector("#objective-5 .capacity-requests"))
                        .getText())
                .contains("Implementation");
        signOut();

        // Arabic pages are right to left, with Bootstrap's RTL stylesheet; the choice is remembered.
        signIn("fp-jor");
        open("/inbox?lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
        assertThat(browser.findElements(By.cssSelector("link[href*='bootstrap.rtl']")))
                .hasSize(1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo("Inbox");
        screenshot("inbox-ar");
        openMyReport(period);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        // The objective's official Arabic title (A/RES/73/195), no longer the English one.
        assertThat(browser.findElement(By.cssSelector("#objective-1 legend")).getText())
                .contains("جمع واستخدام بيانات دقيقة ومصنفة")
                .doesNotContain("Collect and utilize");
        screenshot("report-ar");
        signOut();
        signIn("fp-jor");
        open("/inbox");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        open("/inbox?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
    }

    /** Every visible form field has a label (or an accessible name) that a screen reader reads. */
    private void assertEveryFieldHasALabel() {
        assertThat(web.unlabelledFields()).as(browser.getCurrentUrl()).isEmpty();
    }

    private void openMyReport(String period) {
        open("/inbox");
        click(By.xpath(
                "//table[@id='inbox']//tr[td[normalize-space()='" + period + "']]//a[contains(@href,'/reports/')]"));
    }

    private void openMyReportOfCycle(String cycleId) {
        String reportId = jdbc.sql("select id from report where cycle_id = ? and participant_code = 'EGY'")
                .param(Long.parseLong(cycleId))
                .query(Long.class)
                .single()
                .toString();
        open("/reports/" + reportId);
    }

    private void reviewInQueue(String participant, String cycleId) {
        open("/validation?cycle=" + cycleId);
        click(By.cssSelector(
                "#validation-queue tr[data-participant='" + participant + "'][data-cycle='" + cycleId + "'] a"));
    }
}
