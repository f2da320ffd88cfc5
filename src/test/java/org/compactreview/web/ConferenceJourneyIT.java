package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.compactreview.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The conference in a real headless Chromium: the secretariat opens it for the Arab Regional
 * Consultative Process; the regional focal point writes and submits its review; the secretariat
 * accepts it, compiles, consults; a manager negotiates two drafts and agrees; the secretariat
 * adopts the declaration, whose commitment is listed as a follow-up item. Fails, never skips,
 * when the browser cannot start.
 */
class ConferenceJourneyIT extends BrowserTest {

    @Test
    void conferenceFromRegionalReviewToAdoptedDeclaration() throws Exception {
        String period = uniquePeriod("hlc-web");
        signIn("secretariat");
        open("/conferences/new");
        browser.findElement(By.id("period")).sendKeys(period);
        web.setValue("due", "2027-03-31");
        web.setValue("conferenceDate", "2027-10-01");
        click(By.id("body-ARCP"));
        click(By.id("open-conference"));
        assertThat(browser.findElements(By.cssSelector("#board tbody tr"))).hasSize(1);
        String cycleId = browser.getCurrentUrl().replaceAll(".*/cycles/(\\d+).*", "$1");
        signOut();

        signIn("fp-arcp");
        open("/inbox");
        click(By.xpath(
                "//table[@id='inbox']//tr[td[normalize-space()='" + period + "']]//a[contains(@href,'/reports/')]"));
        assertThat(browser.findElements(By.id("rating-1")))
                .as("regional reviews have no rating")
                .isEmpty();
        for (int n = 1; n <= 23; n++) {
            browser.executeScript(
                    "document.getElementById('achievements-' + arguments[0]).value = 'Regional progress ' + arguments[0];"
                            + "document.getElementById('goodPractices-' + arguments[0]).value = 'Practice';",
                    n);
        }
        click(By.id("review-submit"));
        click(By.id("confirm-submit"));
        signOut();

        signIn("secretariat");
        // The queue is paged (50 a page) and shared with other tests' cycles: this cycle's reports only.
        open("/validation?cycle=" + cycleId);
        click(By.cssSelector("#validation-queue tr[data-participant='ARCP'][data-cycle='" + cycleId + "'] a"));
        click(By.id("decision-accept"));
        click(By.id("record-decision"));
        runDueJobs(jdbc.sql("select process_instance_id from review_cycle where id = ?")
                .param(Long.parseLong(cycleId))
                .query(String.class)
                .single());
        open("/conferences/" + cycleId);
        assertThat(browser.findElement(By.id("compilation")).getText()).contains("Regional progress 1");
        browser.findElement(By.id("narrative")).sendKeys("The region made steady progress.");
        click(By.id("compile-submit"));
        browser.findElement(By.id("organisation")).sendKeys("Migrant rights network");
        browser.findElement(By.id("submission")).sendKeys("Alternatives to detention");
        click(By.id("submission-submit"));
        assertThat(browser.findElement(By.id("submissions")).getText()).contains("Migrant rights network");
        click(By.id("close-consultation"));
        // Issue 14: the step asks first; going back changes nothing.
        assertThat(browser.findElement(By.id("confirm-consequence")).getText()).contains("cannot be undone");
        click(By.id("confirm-back"));
        assertThat(browser.findElements(By.id("close-consultation"))).hasSize(1);
        click(By.id("close-consultation"));
        click(By.id("confirm-submit"));
        screenshot("conference-en");
        signOut();

        signIn("manager");
        open("/conferences/" + cycleId);
        browser.findElement(By.id("text")).sendKeys("We commit to better data.");
        click(By.id("propose-draft"));
        WebElement text = browser.findElement(By.id("text"));
        assertThat(text.getAttribute("value")).isEqualTo("We commit to better data.");
        text.sendKeys(" And to partnerships.");
        click(By.id("propose-draft"));
        click(By.id("agree-draft"));
        assertThat(browser.findElement(By.id("drafts")).getText()).contains("2");
        signOut();

        signIn("secretariat");
        open("/conferences/" + cycleId);
        // Issue 14: commitments are rows of a form, with participants picked from a list, then confirmed.
        click(By.id("adopt-open"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("objective-0"))).selectByValue("1");
        browser.findElement(By.id("text-0")).sendKeys("Publish migration statistics yearly");
        org.openqa.selenium.support.ui.Select responsible =
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("responsible-0")));
        responsible.selectByValue("EGY");
        responsible.selectByValue("MAR");
        assertThat(web.unlabelledFields()).as(browser.getCurrentUrl()).isEmpty();
        click(By.id("adopt-submit"));
        assertThat(browser.findElement(By.id("confirm-details")).getText())
                .contains("Publish migration statistics yearly (Egypt, Morocco)");
        screenshot("adoption-confirm-en");
        click(By.id("confirm-submit"));
        assertThat(browser.findElement(By.id("conference-status")).getText()).isEqualTo("Closed");
        assertThat(browser.findElement(By.id("follow-up-items")).getText())
                .contains("Publish migration statistics yearly");
        signOut();
    }
}
