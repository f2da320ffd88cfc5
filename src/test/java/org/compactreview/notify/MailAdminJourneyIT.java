package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.compactreview.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator on the mail page in a real browser: the outbox's counts and two incidents (a
 * long server answer, shortened), "Send again" for one, then "Send all failed again" for the
 * rest; at 390 px and on a desktop, in English and in Arabic (screenshots in target/screenshots).
 * The incidents are mails to a user who does not exist, so that the relay skips them afterwards.
 */
class MailAdminJourneyIT extends BrowserTest {

    @Autowired
    MailRelay relay;

    @Test
    void anAdministratorSeesTheIncidentsAndSendsThemAgain() {
        relay.drain();
        browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        String longError = "MailSendException: Mail server connection failed; nested exception is "
                + "MailConnectException: Couldn't connect to host, port: 127.0.0.1, 2525; timeout 5000. ".repeat(4);
        long first = incident("journey-1", longError);
        long second = incident("journey-2", "MailSendException: 550 5.1.1 mailbox unavailable");

        signIn("admin");
        open("/admin/mail");
        assertThat(browser.findElement(By.cssSelector("#mail-counts [data-status=FAILED] .mail-count"))
                        .getText())
                .isNotEqualTo("0");
        assertThat(browser.findElements(By.cssSelector("#mail-incidents tr[data-mail]")))
                .hasSizeGreaterThanOrEqualTo(2);
        String firstRow = row(first).getText();
        assertThat(firstRow)
                .contains("nobody-journey-1", "Couldn't connect to host")
                .contains("…");
        assertThat(firstRow.length()).isLessThan(longError.length());
        shoot("mail-admin-en");
        open("/admin/mail?lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("إرسال البريد");
        shoot("mail-admin-ar");
        open("/admin/mail?lang=en");

        click(By.cssSelector("tr[data-mail='" + first + "'] button[type=submit]"));
        assertThat(flash()).isEqualTo("The mail is queued to be sent again.");
        assertThat(browser.findElements(By.cssSelector("tr[data-mail='" + first + "']")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("tr[data-mail='" + second + "']")))
                .hasSize(1);

        click(By.id("mail-retry-all"));
        assertThat(browser.findElement(By.id("mail-retried-all")).getText()).startsWith("Mails sent again: ");
        assertThat(browser.findElement(By.id("mail-no-incidents")).isDisplayed())
                .isTrue();
        assertThat(status(first)).isEqualTo("PENDING");
        assertThat(status(second)).isEqualTo("PENDING");
        shoot("mail-admin-empty-en");
        relay.drain();
        assertThat(status(first)).as("nobody to send it to").isEqualTo("SKIPPED");
        signOut();
    }

    private org.openqa.selenium.WebElement row(long id) {
        return browser.findElement(By.cssSelector("tr[data-mail='" + id + "']"));
    }

    private long incident(String name, String error) {
        return jdbc.sql(
                        """
                        insert into mail_outbox (message_id, username, status, attempts, next_attempt_at, created_at,
                            failed_at, last_error)
                        values (?, ?, 'FAILED', 8, ?, ?, ?, ?)
                        returning id
                        """)
                .params(
                        "<" + name + "-" + System.nanoTime() + "@journey.invalid>",
                        "nobody-" + name,
                        java.sql.Timestamp.from(START),
                        java.sql.Timestamp.from(START),
                        java.sql.Timestamp.from(START),
                        error.substring(0, Math.min(500, error.length())))
                .query(Long.class)
                .single();
    }

    private String status(long id) {
        return jdbc.sql("select status from mail_outbox where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    /** The screen sweep's axe-core run (ScreenSweepIT), on this page with incidents listed. */
    private static final String AXE_RUN =
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))),
                    e => done(['axe failed: ' + e]));
            """;

    private static String axe() {
        try (java.io.InputStream in = MailAdminJourneyIT.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Screenshots at a phone's 390 px and a desktop's 1366 px; neither scrolls sideways. */
    private void shoot(String name) {
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1366, 768))) {
            browser.manage().window().setSize(size);
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertThat(overflow)
                    .as(name + " at " + size.width + " px scrolls sideways")
                    .isEqualTo(false);
            screenshot(name + "-" + size.width);
            browser.executeScript(axe());
            assertThat((List<?>)
                            browser.executeAsyncScript(AXE_RUN, List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")))
                    .as(name + " at " + size.width + " px: axe-core WCAG 2.1 AA violations")
                    .isEmpty();
        }
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }
}
