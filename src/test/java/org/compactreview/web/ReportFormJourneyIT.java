package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.compactreview.discussion.CommentService;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.BrowserTest;
import org.compactreview.support.Entries;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A focal point moving in the report form in a real Chromium: leaving with unsaved text warns
 * (and staying keeps the text), the draft saves itself after a pause, the counter and the index
 * follow the ratings, Save returns to the objective the user was in, the save bar never covers
 * the focused field, and "Skip to save" reaches Save in four key presses. Screenshots of the form,
 * the review and the inbox with a returned report, at 390 and 1366 px, in English and Arabic.
 */
class ReportFormJourneyIT extends BrowserTest {

    /** What this feature adds to the pages: each must fit the screen at 390 px, in both directions. */
    static final String OURS = "#report-index, #rated-count, #save-bar, #autosave-status, #review-report,"
            + " #return-comment, .task-remark, #error-summary";

    @Autowired
    ReportService reports;

    @Autowired
    CommentService comments;

    @Test
    void leavingWarnsAutosaveKeepsTheTextAndTheFormIsEasyToMoveIn() throws Exception {
        try {
            journey();
        } catch (Throwable failure) {
            screenshot("report-form-failure");
            throw failure;
        }
    }

    private void journey() {
        long reportId = reports.list(
                        Users.FP_EGY, openAnnualReview("form-journey", "EGY").id(), null)
                .get(0)
                .id();
        signIn("fp-egy");
        open("/reports/" + reportId);
        assertThat(text("rated-count")).isEqualTo("0 of 23 objectives rated");

        // The counter and the index follow the ratings as they change.
        select("rating-1", "2");
        select("rating-6", "0");
        assertThat(text("rated-count")).isEqualTo("2 of 23 objectives rated");
        assertThat(browser.findElement(By.cssSelector("#index-6 .index-done")).isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("#index-7 .index-done")).isDisplayed())
                .isFalse();
        select("rating-6", "");
        assertThat(text("rated-count")).isEqualTo("1 of 23 objectives rated");

        // Typed text: leaving would ask. Chromedriver 156 answers the browser's "leave the page?"
        // prompt itself whatever unhandledPromptBehavior says (tried with a bare page: no alert
        // reaches Selenium), so the test asks the page's beforeunload handler, as the browser does,
        // whether it would stop the user.
        browser.findElement(By.id("achievements-2")).sendKeys("Typed, not yet saved");
        assertThat(wouldWarnBeforeLeaving()).isTrue();
        assertThat(value("achievements-2")).isEqualTo("Typed, not yet saved");

        // A few seconds later the draft saves itself; a reload shows it, and leaving no longer asks.
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#autosave-status .autosave-saved")));
        assertThat(text("autosave-status")).startsWith("Draft saved automatically at");
        assertThat(reports.get(reportId, Users.FP_EGY).entries().get(1).achievements())
                .isEqualTo("Typed, not yet saved");
        assertThat(wouldWarnBeforeLeaving()).as("saved: nothing to lose").isFalse();
        browser.navigate().refresh();
        assertThat(value("achievements-2")).isEqualTo("Typed, not yet saved");
        assertThat(text("rated-count")).isEqualTo("1 of 23 objectives rated");

        // The index jumps to an objective.
        jump(By.cssSelector("#report-index a[href='#objective-20']"));
        assertThat(browser.getCurrentUrl()).endsWith("#objective-20");
        // Bootstrap scrolls smoothly: wait for the objective to arrive at the top.
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> inViewport(d.findElement(By.id("objective-20"))));

        // Save returns to the objective the user was in.
        browser.findElement(By.id("obstacles-12")).sendKeys("Staff turnover");
        click(By.id("save-draft"));
        assertThat(flash()).isEqualTo("Draft saved.");
        assertThat(browser.getCurrentUrl()).endsWith("/reports/" + reportId + "#objective-12");
        assertThat(value("obstacles-12")).isEqualTo("Staff turnover");
        assertThat(wouldWarnBeforeLeaving()).as("just saved").isFalse();

        // The sticky save bar never covers the field that has the keyboard focus.
        browser.executeScript("document.documentElement.style.scrollBehavior = 'auto'; window.scrollTo(0, 0)");
        browser.findElement(By.id("rating-15")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("support-15");
        Number fieldBottom =
                (Number) browser.executeScript("return document.activeElement.getBoundingClientRect().bottom");
        Number barTop = (Number)
                browser.executeScript("return document.getElementById('save-bar').getBoundingClientRect().top");
        assertThat(fieldBottom.doubleValue()).isLessThanOrEqualTo(barTop.doubleValue());

        open("/reports/" + reportId);
        // The page's first stop is the layout's "Skip to content"; in the content the first is "Skip to
        // the save buttons": Tab, Enter, Tab, Enter (it was 128 Tab presses).
        browser.executeScript("document.querySelector('a[href=\"#main\"]').focus()");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("skip-to-save");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("save-draft");

        shoot("report-form", "/reports/" + reportId);

        // The review before submission shows the whole report.
        Report draft = reports.get(reportId, Users.FP_EGY);
        reports.saveDraft(reportId, Users.FP_EGY, draft.lockVersion(), Entries.complete(3, 5));
        open("/reports/" + reportId + "/submit");
        assertThat(browser.findElements(By.cssSelector("#review-report .review-entry")))
                .hasSize(23);
        shoot("report-review", "/reports/" + reportId + "/submit");

        // A returned report: the inbox shows its status, comment and the objectives named.
        reports.submit(reportId, Users.FP_EGY, null);
        setClock(START.plus(1, ChronoUnit.HOURS));
        comments.postOnReport(reportId, 7, "Please add the figures for 2026.", Users.SECRETARIAT);
        reports.validate(
                reportId,
                Users.SECRETARIAT,
                ValidationDecision.RETURN,
                "Thank you. Objective 7 needs figures; see the comment beside it.");
        open("/reports/" + reportId);
        jump(By.cssSelector("#return-comment a[href='#objective-7']"));
        assertThat(browser.getCurrentUrl()).endsWith("#objective-7");
        assertThat(browser.findElement(By.id("objective-7")).getAttribute("class"))
                .contains("objective-commented");
        shoot("report-form-returned", "/reports/" + reportId);
        shoot("inbox-returned", "/inbox");
    }

    /** What the browser asks the page when the user follows a link away: may it leave without asking? */
    private boolean wouldWarnBeforeLeaving() {
        return Boolean.TRUE.equals(
                browser.executeScript("const leaving = new Event('beforeunload', {cancelable: true});"
                        + " window.dispatchEvent(leaving); return leaving.defaultPrevented;"));
    }

    /** Follows a link within the page (no page load to wait for). */
    private void jump(By link) {
        WebElement element = browser.findElement(link);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private boolean inViewport(WebElement element) {
        return Boolean.TRUE.equals(browser.executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;",
                element));
    }

    /** The page at 1366 x 768 and 390 x 844, in English and Arabic (loaded at each size). */
    private void shoot(String name, String path) {
        for (String lang : new String[] {"en", "ar"}) {
            for (Dimension size : new Dimension[] {new Dimension(1366, 768), new Dimension(390, 844)}) {
                browser.manage().window().setSize(size);
                open(path + "?lang=" + lang);
                assertThat(browser.executeScript(
                                "return [...document.querySelectorAll(arguments[0])]"
                                        + ".filter(e => { const r = e.getBoundingClientRect();"
                                        + " return r.left < -1 || r.right > window.innerWidth + 1; })"
                                        + ".map(e => e.id || e.className)",
                                OURS))
                        .as(name + " " + lang + " " + size + ": nothing of the form's own wider than the screen")
                        .asList()
                        .isEmpty();
                screenshot(name + "-" + lang + "-" + size.getWidth());
            }
        }
        browser.manage().window().setSize(new Dimension(1280, 1400));
        open(path + "?lang=en");
    }
}
