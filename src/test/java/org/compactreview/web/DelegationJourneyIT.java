package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.compactreview.cycle.ReviewCycle;
import org.compactreview.report.ReportService;
import org.compactreview.support.BrowserTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Section delegation in a real headless Chromium: Egypt's focal point delegates objectives 3 and
 * 5 to contrib-egy; the contributor signs in, lands on "My sections", sees only those two
 * objectives, fills them and hands them back; the focal point sees who wrote objective 3, rates
 * the rest and submits. "My sections" and the contributor's form are drawn at 390 and 1366 px, in
 * English and Arabic.
 */
class DelegationJourneyIT extends BrowserTest {

    @Autowired
    ReportService reports;

    @Test
    void focalPointDelegatesContributorFillsAndHandsBackFocalPointSubmits() throws Exception {
        try {
            journey();
        } catch (Throwable failure) {
            screenshot("delegation-failure");
            throw failure;
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1400));
        }
    }

    private void journey() {
        ReviewCycle cycle = openAnnualReview("web-delegation", "EGY");
        long report = reports.list(Users.FP_EGY, cycle.id(), null).get(0).id();

        signIn("fp-egy");
        open("/reports/" + report);
        click(By.cssSelector("#delegations summary"));
        select("delegate", "contrib-egy");
        click(By.id("delegate-objective-3"));
        click(By.id("delegate-objective-5"));
        browser.findElement(By.id("delegate-note")).sendKeys("Labour migration figures, please");
        click(By.id("delegate-submit"));
        assertThat(flash()).isEqualTo("The sections were delegated.");
        assertThat(browser.findElement(By.id("delegation-list")).getText())
                .contains("3, 5")
                .contains("With the contributor");
        assertThat(browser.findElement(By.id("author-3")).getText()).contains("Delegated to");
        assertThat(web.unlabelledFields()).isEmpty();
        shoot("delegation-focal-point", "en");
        signOut();

        signIn("contrib-egy");
        assertThat(browser.getCurrentUrl()).endsWith("/my-sections");
        assertThat(browser.findElement(By.id("open-sections")).getText()).contains("Objective 3");
        shoot("delegation-my-sections", "en");
        click(By.id("open-report-" + report));
        assertThat(browser.findElements(By.cssSelector("fieldset.objective-entry")))
                .extracting(e -> e.getAttribute("id"))
                .containsExactlyInAnyOrder("objective-3", "objective-5");
        select("rating-3", "2");
        browser.findElement(By.id("achievements-3")).sendKeys("Ministry of Labour: 4 pathways opened");
        select("rating-5", "3");
        click(By.id("save-draft"));
        assertThat(flash()).isEqualTo("Draft saved.");
        assertThat(web.unlabelledFields()).isEmpty();
        shoot("delegation-contributor-form", "en");
        click(By.cssSelector("[id^='hand-back-']"));
        assertThat(flash()).isEqualTo("The sections were handed back to the focal point.");
        // Other tests of this database may have left the demo contributor other open sections.
        assertThat(browser.findElements(By.id("open-report-" + report)))
                .as("handed back: no longer among its open sections")
                .isEmpty();
        open("/reports/" + report);
        assertThat(browser.findElements(By.cssSelector("fieldset.objective-entry")))
                .as("handed back: the report is out of reach")
                .isEmpty();
        open("/my-sections?lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        shoot("delegation-my-sections-past", "ar");
        open("/my-sections?lang=en");
        signOut();

        signIn("fp-egy");
        open("/reports/" + report);
        assertThat(browser.findElement(By.id("author-3")).getText()).contains("Last written by contrib-egy");
        assertThat(browser.findElement(By.id("delegation-list")).getText()).contains("Handed back");
        for (int n = 1; n <= 23; n++) {
            if (n != 3 && n != 5) {
                select("rating-" + n, String.valueOf(n % 5));
            }
        }
        click(By.id("review-submit"));
        click(By.id("confirm-submit"));
        assertThat(flash()).contains("Report submitted");
        assertThat(reports.get(report, Users.FP_EGY).entries().get(2).achievements())
                .isEqualTo("Ministry of Labour: 4 pathways opened");
        signOut();
    }

    /** The page as it is, at 1366 and 390 px wide, in the language given and (for English) in Arabic. */
    private void shoot(String name, String language) {
        String url = browser.getCurrentUrl().replaceAll("[?#].*$", "");
        String[] languages = "en".equals(language) ? new String[] {"en", "ar"} : new String[] {language};
        for (String lang : languages) {
            browser.get(url + "?lang=" + lang);
            browser.manage().window().setSize(new Dimension(1366, 768));
            screenshot(name + "-" + lang + "-1366");
            browser.manage().window().setSize(new Dimension(390, 844));
            screenshot(name + "-" + lang + "-390");
        }
        browser.manage().window().setSize(new Dimension(1280, 1400));
        browser.get(url + "?lang=en");
    }
}
