package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.support.BrowserTest;
import org.compactreview.support.Users;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Out of office and due dates in a real headless Chromium, in English and Arabic, at 1366 and 390
 * pixels wide: a focal point sets a period that starts at once and sees which task moved and which
 * stayed; a manager moves a report's due date from the team tasks.
 */
class DueDateAndAbsenceJourneyIT extends BrowserTest {

    @Autowired
    UserDirectory directory;

    @Autowired
    TaskGateway tasks;

    @Test
    void aFocalPointGoesAwayAndAManagerMovesADueDate() {
        String suffix = Long.toString(System.nanoTime(), 36);
        CurrentUser away = focalPoint("away-" + suffix, "EGY", "JOR");
        CurrentUser substitute = focalPoint("stands-in-" + suffix, "EGY");
        ReviewCycle cycle = openAnnualReview("ooo-web", List.of(7), "EGY", "JOR");
        tasks.claim(submitTask(cycle, "EGY").id(), away);
        tasks.claim(submitTask(cycle, "JOR").id(), away);

        wide();
        signIn(away.username());
        open("/account/absences");
        web.setValue("startsAt", "2027-01-10T08:00");
        web.setValue("endsAt", "2027-01-24T17:00");
        select("substitute", substitute.username());
        assertThat(web.unlabelledFields()).isEmpty();
        click(By.cssSelector("#absence-form button[type=submit]"));
        assertThat(flash()).contains("Out-of-office period set.");
        assertThat(browser.findElement(By.cssSelector("#absences li[data-status='ACTIVE']"))
                        .getText())
                .contains(
                        substitute.username(), "EGY: with the substitute", "JOR: stayed: the substitute may not do it");
        screenshot("absences-en");
        narrow();
        screenshot("absences-en-390");
        assertNoSidewaysScroll();
        open("/account/absences?lang=ar");
        narrow();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("الغياب عن العمل");
        screenshot("absences-ar-390");
        assertNoSidewaysScroll();
        wide();
        screenshot("absences-ar");
        open("/account/absences?lang=en");
        signOut();

        signIn("manager");
        open("/team?cycleId=" + cycle.id());
        WorkItem jordan = submitTask(cycle, "JOR");
        click(By.cssSelector("a[href$='/tasks/" + jordan.id() + "/due-date']"));
        assertThat(browser.findElements(By.cssSelector("#timers li"))).hasSize(3);
        web.setValue("dueAt", "2027-02-19T12:00");
        browser.findElement(By.id("reason")).sendKeys("The ministry asked for ten more days");
        assertThat(web.unlabelledFields()).isEmpty();
        click(By.cssSelector("#due-date-form button[type=submit]"));
        assertThat(flash()).contains("Due date changed.");
        assertThat(browser.findElement(By.cssSelector("#timers li[data-timer='Timer_SubmissionReminder']"))
                        .getText())
                .contains("Feb 12, 2027");
        screenshot("due-date-en");
        narrow();
        screenshot("due-date-en-390");
        assertNoSidewaysScroll();
        open("/tasks/" + jordan.id() + "/due-date?lang=ar");
        narrow();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        screenshot("due-date-ar-390");
        assertNoSidewaysScroll();
        wide();
        screenshot("due-date-ar");
        open("/team?lang=en");
        signOut();
    }

    private void wide() {
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    /** 390 pixels wide, scrolled past the menu (which fills a phone's screen) to the page itself. */
    private void narrow() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("document.getElementById('main').scrollIntoView({block: 'start', behavior: 'instant'})");
    }

    private void assertNoSidewaysScroll() {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(browser.getCurrentUrl()).isLessThanOrEqualTo(0);
    }

    private CurrentUser focalPoint(String username, String... participants) {
        directory.ensureExists(
                username,
                "demo",
                new UserDraft(
                        "Focal point " + username, null, null, true, Set.of(Role.FOCAL_POINT), Set.of(participants)));
        return new CurrentUser(username, Set.of(Role.FOCAL_POINT), Set.of(participants));
    }

    private WorkItem submitTask(ReviewCycle cycle, String participant) {
        return tasks.list(
                        Users.SECRETARIAT,
                        new WorkItemFilter(
                                true, cycle.id(), participant, null, ParticipantReviewModel.TASK_SUBMIT_REPORT, null),
                        new PageRequest(0, 5))
                .items()
                .get(0);
    }
}
