package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A focal point finds "Notification settings" in the top bar's user menu, chooses the daily digest
 * at 20:00 in Tokyo, and saves; the page and the unsubscribe page read well on a phone and a
 * desktop, in English and in Arabic (screenshots in target/screenshots).
 */
class NotificationSettingsJourneyIT extends BrowserTest {

    static final String USER = "fp-kir-web";

    @Autowired
    UserDirectory directory;

    @Autowired
    NotificationPreferences preferences;

    @Test
    void aFocalPointChoosesTheDailyDigestInTheirTimeZone() {
        UserDraft draft = new UserDraft(
                "Kiribati web focal point",
                USER + "@kir.prefs.test",
                "en",
                true,
                Set.of(Role.FOCAL_POINT),
                Set.of("KIR"));
        directory.ensureExists(USER, "demo", draft);
        CurrentUser user = new CurrentUser(USER, Set.of(Role.FOCAL_POINT), Set.of("KIR"));

        browser.manage().window().setSize(new Dimension(390, 844));
        signIn(USER);
        open("/inbox?lang=en");
        web.openMenuIfCollapsed();
        click(By.cssSelector("#app-menu a[href='/notifications/settings']"));
        assertThat(browser.getCurrentUrl()).endsWith("/notifications/settings");
        assertThat(web.unlabelledFields()).isEmpty();
        shoot("notification-settings-en");

        click(By.id("delivery-digest"));
        select("digestHour", "20");
        select("timeZone", "Asia/Tokyo");
        click(By.id("reminders"));
        click(By.id("settings-save"));
        assertThat(flash()).isEqualTo("Your notification settings are saved.");
        assertThat(preferences.of(user))
                .isEqualTo(new NotificationSettings(Delivery.DAILY_DIGEST, false, ZoneId.of("Asia/Tokyo"), 20));

        open("/notifications/settings?lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir"))
                .isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("إعدادات الإشعارات");
        shoot("notification-settings-ar");
        open("/notifications/settings?lang=en");
        signOut();

        // The token a reminder mail would carry (its row exists: the settings were saved).
        String token = jdbc.sql(
                        """
                        update notification_settings set unsubscribe_token = coalesce(unsubscribe_token, ?)
                        where username = ? returning unsubscribe_token
                        """)
                .params("web-" + Long.toString(System.nanoTime(), 36), USER)
                .query(String.class)
                .single();
        open("/notifications/unsubscribe/" + token + "?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stop reminder mails?");
        shoot("unsubscribe-en");
        open("/notifications/unsubscribe/" + token + "?lang=ar");
        shoot("unsubscribe-ar");
        click(By.id("unsubscribe"));
        assertThat(browser.findElement(By.id("unsubscribed")).isDisplayed()).isTrue();
        shoot("unsubscribed-ar");
        open("/login?lang=en");
    }

    /** Screenshots at a phone's 390 px and a desktop's 1366 px; neither may scroll sideways. */
    private void shoot(String name) {
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1366, 768))) {
            browser.manage().window().setSize(size);
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertThat(overflow)
                    .as(name + " at " + size.width + " px scrolls sideways")
                    .isEqualTo(false);
            screenshot(name + "-" + size.width);
        }
        browser.manage().window().setSize(new Dimension(390, 844));
    }
}
