package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15 in a real Chromium: the opening form offers the default reminder days (14, 7, 1), a
 * broken list is refused with the reason beside the field, a cycle's own days are confirmed and
 * then shown on the cycle's page beside its dates. Screenshots at 390 and 1366 px, in English and
 * Arabic.
 */
class ReminderDaysJourneyIT extends BrowserTest {

    @Autowired
    CycleService cycles;

    @Test
    void theSecretariatGivesACyclesReminderDaysAndSeesThemOnItsPage() {
        try {
            journey();
        } catch (Throwable failure) {
            screenshot("reminder-days-failure");
            throw failure;
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1400));
        }
    }

    private void journey() {
        String period = uniquePeriod("reminder-days");
        signIn("secretariat");
        open("/cycles/new?lang=en");
        WebElement days = browser.findElement(By.id("reminderDays"));
        assertThat(days.getAttribute("value")).isEqualTo("14, 7, 1");
        assertThat(browser.findElement(By.cssSelector("label[for=reminderDays]"))
                        .getText())
                .isEqualTo("Reminders (days before the due date)");

        browser.findElement(By.id("period")).sendKeys(period);
        web.setValue("due", "2027-03-31");
        days.clear();
        days.sendKeys("7, 7, 120");
        click(By.id("scope-chosen"));
        click(By.id("p-FSM"));
        click(By.id("open-submit"));
        assertThat(browser.findElement(By.id("reminderDays-error")).getText())
                .contains("1 to 5 different whole numbers of days from 1 to 90");
        assertThat(browser.findElement(By.id("reminderDays")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        shootAsItStands("reminder-days-form-error", "reminderDays");

        WebElement again = browser.findElement(By.id("reminderDays"));
        again.clear();
        again.sendKeys("3, 10");
        click(By.id("open-submit"));
        assertThat(browser.findElement(By.id("open-reminder-days")).getText()).isEqualTo("10, 3");
        click(By.id("confirm-open"));
        assertThat(flash()).contains("The cycle is open");

        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/cycles/(\\d+).*", "$1"));
        ReviewCycle cycle = cycles.get(id);
        assertThat(cycle.period()).isEqualTo(period);
        assertThat(cycle.reminderDays()).containsExactly(10, 3);
        assertThat(browser.findElement(By.id("cycle-reminder-days")).getText())
                .isEqualTo("Reminders 10, 3 days before the due date");
        shoot("reminder-days-board", "/cycles/" + id, "cycle-reminder-days");
        // The process view draws the new version's reminder loop from its BPMN DI.
        open("/cycles/" + id + "/process?lang=en");
        assertThat(browser.findElements(By.cssSelector("[data-element=Gateway_MoreReminders]")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-element=Timer_NextReminder]")))
                .isNotEmpty();
        screenshot("reminder-days-process-en-1280");
        open("/cycles/" + id + "?lang=ar");
        assertThat(browser.findElement(By.id("cycle-reminder-days")).getText())
                .contains("١٠")
                .contains("٣");
        shoot("reminder-days-form", "/cycles/new", "reminderDays");
        signOut();
    }

    /** The refused form as it stands (English), at 390 and 1366 px wide, scrolled to an element. */
    private void shootAsItStands(String name, String elementId) {
        for (int width : new int[] {390, 1366}) {
            shootAt(name + "-en-" + width, width, elementId);
        }
    }

    /** A page in English and Arabic, at 390 and 1366 px wide, scrolled to an element. */
    private void shoot(String name, String path, String elementId) {
        for (String language : new String[] {"en", "ar"}) {
            for (int width : new int[] {390, 1366}) {
                browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 768));
                open(path + "?lang=" + language);
                if (language.equals("ar")) {
                    assertThat(browser.findElement(By.tagName("html")).getAttribute("dir"))
                            .isEqualTo("rtl");
                }
                shootAt(name + "-" + language + "-" + width, width, elementId);
            }
        }
        open(path + "?lang=en");
    }

    private void shootAt(String name, int width, String elementId) {
        browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 768));
        WebElement element = browser.findElement(By.id(elementId));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(overflow).as(name + " scrolls sideways").isEqualTo(false);
        screenshot(name);
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }
}
