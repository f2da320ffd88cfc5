package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.notify.Notice;
import org.compactreview.notify.NoticeKind;
import org.compactreview.notify.Notifications;
import org.compactreview.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bell in a real headless Chromium, at a phone's 390 px and a desktop's 1366 px, in English,
 * Arabic (right to left) and Chinese: the count stays in the bar when the menu folds, the list
 * marks the unread notices in words, a return comment keeps its own direction, and opening a
 * notice goes to the report and takes one off the count.
 */
class NoticeBellJourneyIT extends BrowserTest {

    private static final List<Dimension> SIZES = List.of(new Dimension(390, 844), new Dimension(1366, 768));

    @Autowired
    UserDirectory directory;

    @Autowired
    Notifications notifications;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theBellCountsTheListShowsAndOpeningANoticeGoesToTheReport() {
        String username = "fp-fsm-web-" + Long.toString(System.nanoTime(), 36);
        UserDraft draft =
                new UserDraft("Micronesia focal point", null, "en", true, Set.of(Role.FOCAL_POINT), Set.of("FSM"));
        directory.ensureExists(username, "demo", draft);
        ReviewCycle cycle = openAnnualReview("bell-web", "FSM");
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> notifications.notify(
                        Notice.of(NoticeKind.REPORT_RETURNED, "bell-web:" + username)
                                .link("/inbox")
                                .participant("FSM")
                                .cycle(cycle.id())
                                .detail("Please add the 2026 budget line. يرجى إضافة بند الميزانية."),
                        List.of(username)));

        browser.manage().window().setSize(SIZES.get(1));
        signIn(username);
        open("/inbox?lang=en");
        assertThat(bell().getAttribute("aria-label")).isEqualTo("Notices, 2 unread");
        assertThat(browser.findElement(By.id("notice-bell-count")).getText()).isEqualTo("2");
        click(By.id("notice-bell"));
        assertThat(browser.getCurrentUrl()).endsWith("/notifications");
        List<WebElement> notices = browser.findElements(By.cssSelector("#notices li.notice"));
        assertThat(notices).hasSize(2);
        assertThat(notices.get(0).getText())
                .contains("Unread", "Returned for revision", "Please add the 2026 budget line.");
        assertThat(notices.get(0).findElement(By.cssSelector(".notice-detail")).getAttribute("dir"))
                .isEqualTo("auto");
        assertThat(browser.findElement(By.id("notices-count")).getText()).contains("2 notices, 2 unread");
        shoot("notices-en");

        open("/notifications?lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("الإشعارات");
        assertThat(bell().getAttribute("aria-label")).contains("الإشعارات");
        shoot("notices-ar");
        open("/notifications?lang=zh");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("通知");
        assertThat(browser.findElement(By.cssSelector("#notices li.notice")).getText())
                .contains("未读");
        shoot("notices-zh");

        open("/notifications?lang=en");
        browser.manage().window().setSize(SIZES.get(1));
        List<WebElement> opens = browser.findElements(By.cssSelector("#notices li.notice a.notice-open"));
        assertThat(opens).hasSize(2);
        click(By.cssSelector("#notices li.notice:last-child a.notice-open"));
        assertThat(browser.getCurrentUrl()).contains("/reports/");
        assertThat(browser.findElement(By.id("notice-bell-count")).getText()).isEqualTo("1");
        open("/notifications");
        assertThat(browser.findElements(By.cssSelector("#notices li.notice-unread")))
                .hasSize(1);
        click(By.cssSelector("#notices-read-all button"));
        assertThat(flash()).isEqualTo("All your notices are marked as read.");
        assertThat(browser.findElements(By.id("notice-bell-count"))).isEmpty();
        assertThat(bell().getAttribute("aria-label")).isEqualTo("Notices, none unread");
        signOut();
    }

    private WebElement bell() {
        return browser.findElement(By.id("notice-bell"));
    }

    /** At both sizes: the bell is shown in the bar (the menu folded on the phone), nothing scrolls sideways. */
    private void shoot(String name) {
        for (Dimension size : SIZES) {
            browser.manage().window().setSize(size);
            browser.executeScript("window.scrollTo({top: 0, left: 0, behavior: 'instant'})");
            assertThat(bell().isDisplayed()).as(name + " bell at " + size.width).isTrue();
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertThat(overflow)
                    .as(name + " at " + size.width + " px scrolls sideways")
                    .isEqualTo(false);
            screenshot(name + "-" + size.width);
        }
    }
}
