package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.support.BrowserTest;
import org.compactreview.support.Entries;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The secretariat on the board grid: overdue rows first, a region filter, a name search without
 * the accent, then a row's report link; the board wide and at 390 px, in English and in Arabic
 * (mirrored), with screenshots for {@code docs/screenshots}.
 */
class BoardJourneyIT extends BrowserTest {

    @Autowired
    ReportService reports;

    @Test
    void secretariatFiltersSearchesAndOpensAReportFromTheBoard() {
        try {
            journey();
        } catch (Throwable failure) {
            screenshot("board-failure");
            throw failure;
        }
    }

    private void journey() {
        setClock(START);
        ReviewCycle cycle = openAnnualReview("board-web", "EGY", "JOR", "MAR", "CIV", "TUR", "FRA", "BRA");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(2));
        reports.submit(egypt.id(), Users.FP_EGY, null);
        setClock(START.plus(33, ChronoUnit.DAYS)); // three days past the due date

        signIn("secretariat");
        open("/cycles/" + cycle.id() + "?lang=en");
        wide();
        List<WebElement> rows = browser.findElements(By.cssSelector("#board tbody tr"));
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).getAttribute("data-participant")).isEqualTo("BRA");
        assertThat(rows.get(6).getAttribute("data-participant"))
                .as("the one on time, last")
                .isEqualTo("EGY");
        assertThat(rows.get(0).getText()).contains("Overdue by 3 days");
        assertThat(text("tr[data-participant=EGY] td[data-state=CURRENT]")).isEqualTo("Here now");
        assertThat(text("tr[data-participant=EGY] td[data-column=SUBMITTED]")).isEqualTo("Here now");
        assertThat(text("tr[data-participant=EGY] td[data-column=DRAFT]")).isEqualTo("Passed");
        showTheGrid();
        screenshot("board-grid-en-1366");

        select("region", "AFRICA");
        click(By.id("board-apply"));
        assertThat(participants()).containsExactly("CIV", "MAR", "EGY");
        assertThat(browser.getCurrentUrl()).contains("region=AFRICA");

        browser.findElement(By.id("q")).sendKeys("cote");
        click(By.id("board-apply"));
        assertThat(participants()).containsExactly("CIV");
        assertThat(browser.getCurrentUrl()).contains("region=AFRICA").contains("q=cote");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("cote");

        open("/cycles/" + cycle.id() + "?region=AFRICA");
        narrow();
        assertThat(browser.findElement(By.cssSelector("tr[data-participant=MAR] .board-stage-inline"))
                        .getText())
                .isEqualTo("Not submitted yet (draft)");
        assertNoSidewaysScroll();
        showTheGrid();
        screenshot("board-grid-en-390");

        open("/cycles/" + cycle.id() + "?region=AFRICA&lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        narrow();
        assertNoSidewaysScroll();
        showTheGrid();
        screenshot("board-grid-ar-390");
        open("/cycles/" + cycle.id() + "?lang=ar");
        wide();
        showTheGrid();
        screenshot("board-grid-ar-1366");

        open("/cycles/" + cycle.id() + "?lang=en&q=egypt");
        click(By.cssSelector("tr[data-participant=EGY] a.board-report"));
        assertThat(browser.getCurrentUrl()).endsWith("/reports/" + egypt.id());
        assertThat(browser.findElement(By.id("comments")).isDisplayed()).isTrue();
        signOut();
    }

    private List<String> participants() {
        return browser.findElements(By.cssSelector("#board tbody tr")).stream()
                .map(row -> row.getAttribute("data-participant"))
                .toList();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css))
                .getAttribute("textContent")
                .trim();
    }

    private void wide() {
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    private void narrow() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("document.getElementById('main').scrollIntoView({block: 'start', behavior: 'instant'})");
    }

    /** Scrolled to the count above the grid, so that the screenshot shows the rows. */
    private void showTheGrid() {
        browser.executeScript(
                "document.getElementById('board-count').scrollIntoView({block: 'start', behavior: 'instant'})");
    }

    private void assertNoSidewaysScroll() {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(browser.getCurrentUrl()).isLessThanOrEqualTo(0);
    }
}
