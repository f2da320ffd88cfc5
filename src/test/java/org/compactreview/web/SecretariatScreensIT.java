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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14 in a real Chromium: opening a cycle shows who will be included before it opens, and the
 * paged validation queue names participants and cycles; both at 390 and 1366 pixels wide, in
 * English and in Arabic, without sideways scrolling (screenshots for docs/secretariat.md).
 */
class SecretariatScreensIT extends BrowserTest {

    @Autowired
    ReportService reports;

    @Test
    void cycleOpeningConfirmationAndValidationQueueWorkOnAPhoneAndInArabic() {
        try {
            journey();
        } catch (Throwable failure) {
            screenshot("secretariat-failure");
            throw failure;
        }
    }

    private void journey() {
        ReviewCycle cycle = openAnnualReview("screens", "EGY", "JOR", "MAR");
        for (var fp : java.util.List.of(Users.FP_EGY, Users.FP_JOR, Users.FP_MAR)) {
            Report report = reports.list(fp, cycle.id(), null).get(0);
            reports.saveDraft(report.id(), fp, report.lockVersion(), Entries.complete(3));
            reports.submit(report.id(), fp, null);
        }

        signIn("secretariat");
        for (String language : java.util.List.of("en", "ar")) {
            for (int width : new int[] {1366, 390}) {
                size(width);
                open("/cycles/new?lang=" + language);
                browser.findElement(By.id("period")).sendKeys(uniquePeriod("shot"));
                web.setValue("due", "2027-03-31");
                click(By.id("scope-region"));
                click(By.id("region-AFRICA"));
                click(By.id("open-submit"));
                assertThat(browser.findElement(By.id("open-count")).getText()).isNotBlank();
                assertThat(browser.findElements(By.cssSelector("#open-included li")))
                        .hasSizeGreaterThan(40);
                click(By.cssSelector("#open-included summary"));
                assertNoSidewaysScroll();
                toMain();
                screenshot("cycle-open-confirm-" + language + "-" + width);

                open("/validation?cycle=" + cycle.id() + "&lang=" + language);
                assertThat(browser.findElements(By.cssSelector("#validation-queue tbody tr")))
                        .hasSize(3);
                assertThat(browser.findElement(By.cssSelector("#validation-queue tbody tr td:nth-child(2)"))
                                .getText())
                        .as("the cycle by its name, not its number")
                        .isEqualTo(
                                language.equals("en")
                                        ? "Annual review " + cycle.period()
                                        : "الاستعراض السنوي " + cycle.period());
                assertNoSidewaysScroll();
                toMain();
                screenshot("validation-queue-" + language + "-" + width);
            }
        }
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        signOut();
    }

    private void size(int width) {
        browser.manage().window().setSize(width == 390 ? new Dimension(390, 844) : new Dimension(1366, 768));
    }

    /** The page's own content at the top of the screenshot (the menu above it is another feature's). */
    private void toMain() {
        browser.executeScript("document.getElementById('main').scrollIntoView({block: 'start', behavior: 'instant'})");
    }

    private void assertNoSidewaysScroll() {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(browser.getCurrentUrl()).isLessThanOrEqualTo(0);
    }
}
