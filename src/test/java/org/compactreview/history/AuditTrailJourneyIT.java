package org.compactreview.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.audit.AuditLog;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportService;
import org.compactreview.support.BrowserTest;
import org.compactreview.support.Entries;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail in a real browser: a focal point sees its report's history appear under the
 * form (loaded by htmx) and asks for more; a manager searches the audit list; both at 390 px and
 * on a desktop, in English and in Arabic (screenshots in target/screenshots).
 */
class AuditTrailJourneyIT extends BrowserTest {

    @Autowired
    ReportService reports;

    @Autowired
    UserDetailsService users;

    @Autowired
    UserDirectory directory;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aFocalPointReadsItsReportsHistoryAndAManagerSearchesTheTrail() {
        ReviewCycle cycle = openAnnualReview("trail-journey", "EGY");
        Report report = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        signedInAs("fp-egy", () -> {
            Report saved = reports.saveDraft(report.id(), Users.FP_EGY, report.lockVersion(), Entries.complete(2));
            List<ReportEntry> changed = new ArrayList<>(saved.entries());
            ReportEntry third = changed.get(2);
            changed.set(
                    2,
                    new ReportEntry(3, 4, "Seven new one-stop centres for migrants", third.obstacles(), "Data", false));
            reports.saveDraft(report.id(), Users.FP_EGY, saved.lockVersion(), changed);
            for (int i = 1; i <= 10; i++) {
                int note = i;
                new TransactionTemplate(transactions)
                        .executeWithoutResult(tx -> audit.record(
                                "COMMENT_POSTED",
                                "report",
                                report.id(),
                                null,
                                Map.of("text", "Comment " + note + " on objective 3"),
                                null));
            }
        });

        signIn("fp-egy");
        open("/reports/" + report.id());
        List<?> loaded = awaitEvents("#history li.audit-event");
        assertThat(loaded).hasSize(10);
        assertThat(browser.findElement(By.id("history")).getText()).contains("Comment posted");
        // htmx fetches the next ten in place: no page load to wait for.
        var more = browser.findElement(By.cssSelector("#history .audit-more a"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", more);
        more.click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#history li.audit-event"))
                                .size()
                        == 12);
        String history = browser.findElement(By.id("history")).getText();
        assertThat(history).contains("Report draft saved", "Objective 3 › Rating", "Seven new one-stop centres");
        assertThat(browser.findElements(By.cssSelector("#history .audit-more"))).isEmpty();
        shoot("history-report-en", "#history li[data-action='REPORT_DRAFT_SAVED']");
        signOut();

        String reader = "trail-viewer-" + Long.toString(System.nanoTime(), 36);
        directory.ensureExists(
                reader, "demo", new UserDraft("Leila Mansour", null, null, true, Set.of(Role.MANAGER), Set.of()));
        signIn(reader);
        open("/audit");
        web.setValue("objectType", "report");
        web.setValue("objectId", String.valueOf(report.id()));
        web.setValue("action", "REPORT_DRAFT_SAVED");
        click(By.cssSelector("#audit-search button[type=submit]"));
        assertThat(browser.findElements(By.cssSelector(".audit-list li.audit-event")))
                .hasSize(2);
        assertThat(browser.findElement(By.id("audit-count")).getText()).contains("2 records");
        assertThat(browser.findElement(By.cssSelector(".audit-list")).getText())
                .contains("Focal point, Egypt (fp-egy)", "Egypt", "Objective 3 › Rating");
        assertThat(web.unlabelledFields()).isEmpty();
        shoot("audit-list-en", "#audit-count");
        open("/audit?objectType=report&objectId=" + report.id() + "&action=REPORT_DRAFT_SAVED&lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.cssSelector(".audit-list")).getText()).contains("حُفظت مسودة التقرير");
        shoot("audit-list-ar", "#audit-count");
        signOut();

        signIn("fp-egy");
        open("/reports/" + report.id() + "?lang=ar");
        awaitEvents("#history li.audit-event");
        shoot("history-report-ar", "#history");
        open("/reports/" + report.id() + "?lang=en");
        signOut();
    }

    /** Screenshots at a phone's 390 px and a desktop's 1366 px, scrolled to an element if one is named. */
    private void shoot(String name, String scrollTo) {
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1366, 768))) {
            browser.manage().window().setSize(size);
            if (scrollTo != null) {
                browser.executeScript(
                        "document.querySelector(arguments[0]).scrollIntoView({block: 'start', behavior: 'instant'})",
                        scrollTo);
            }
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertThat(overflow)
                    .as(name + " at " + size.width + " px scrolls sideways")
                    .isEqualTo(false);
            screenshot(name + "-" + size.width);
        }
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }

    private List<?> awaitEvents(String selector) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(selector)));
        return browser.findElements(By.cssSelector(selector));
    }

    private void signedInAs(String username, Runnable work) {
        var principal = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        principal, null, new ArrayList<GrantedAuthority>(principal.getAuthorities())));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
