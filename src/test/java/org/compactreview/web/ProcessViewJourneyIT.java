package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The live process view in a real headless Chromium (under the app's strict CSP): the secretariat
 * goes from the cycle board to the process view, sees the diagram drawn with its counts, follows
 * the validation step in the diagram to the one participant there. Drawn at 390 and 1366 px, in
 * English and Arabic.
 */
class ProcessViewJourneyIT extends BrowserTest {

    @Autowired
    ReportService reports;

    @Test
    void secretariatFollowsACountInTheDiagramToTheParticipantsAtThatStep() {
        try {
            journey();
        } catch (Throwable failure) {
            screenshot("process-view-failure");
            throw failure;
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1400));
        }
    }

    private void journey() {
        ReviewCycle cycle = openAnnualReview("web-process", "EGY", "JOR", "MAR");
        runCycleJobs(cycle.id());
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(2));
        reports.submit(egypt.id(), Users.FP_EGY, null);

        signIn("secretariat");
        open("/cycles/" + cycle.id());
        click(By.id("process-view"));
        assertThat(browser.getCurrentUrl()).endsWith("/cycles/" + cycle.id() + "/process");
        WebElement diagram = browser.findElement(By.cssSelector("#process-participantReview svg.bpmn-diagram"));
        assertThat(diagram.isDisplayed()).isTrue();
        assertThat(diagram.getSize().getWidth()).isGreaterThan(300);
        assertThat(browser.findElement(By.cssSelector("[data-task-key='Task_SubmitReport'] .step-count"))
                        .getText())
                .isEqualTo("2");
        shoot("process-view");

        // The diagram's own link: the validation shape with its count.
        click(By.cssSelector("#process-participantReview a[href$='/process/Task_ValidateReport']"));
        assertThat(browser.getCurrentUrl()).endsWith("/process/Task_ValidateReport");
        assertThat(browser.findElements(By.cssSelector("#participants-at-step tbody tr")))
                .extracting(row -> row.getAttribute("data-participant"))
                .containsExactly("EGY");
        shoot("process-step");
        signOut();
    }

    /** The page as it is, at 1366 and 390 px wide, in English and Arabic; the diagram still fits at 390. */
    private void shoot(String name) {
        String url = browser.getCurrentUrl().replaceAll("[?#].*$", "");
        for (String lang : new String[] {"en", "ar"}) {
            browser.get(url + "?lang=" + lang);
            browser.manage().window().setSize(new Dimension(1366, 768));
            screenshot(name + "-" + lang + "-1366");
            browser.manage().window().setSize(new Dimension(390, 844));
            screenshot(name + "-" + lang + "-390");
            // The navigation fills a phone's first screen: the content below it, too.
            browser.executeScript("document.querySelector('.process-diagram-frame, #participants-at-step, main h1')"
                    + ".scrollIntoView({behavior: 'instant', block: 'start'})");
            screenshot(name + "-" + lang + "-390-content");
            for (WebElement svg : browser.findElements(By.cssSelector("svg.bpmn-diagram"))) {
                assertThat(svg.getSize().getWidth())
                        .as("the diagram scales to a phone")
                        .isLessThanOrEqualTo(390);
            }
        }
        browser.manage().window().setSize(new Dimension(1280, 1400));
        browser.get(url + "?lang=en");
    }
}
