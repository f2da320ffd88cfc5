package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.compactreview.support.BrowserTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calendar feed page in a real headless Chromium, in English and Arabic, at 1366 and 390
 * pixels wide: a focal point finds it in the menu, creates its feed and copies the address (which a
 * calendar app then reads), rotates it after a confirmation and turns it off.
 */
class CalendarJourneyIT extends BrowserTest {

    @Autowired
    CalendarFeeds feeds;

    @Test
    void aFocalPointCreatesRotatesAndTurnsOffItsFeed() throws Exception {
        feeds.turnOff(Users.FP_MAR);
        wide();
        signIn("fp-mar");
        web.openMenuIfCollapsed();
        click(By.cssSelector("#app-menu a[href='/calendar']"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Calendar feed");
        assertThat(browser.findElements(By.id("calendar-url"))).isEmpty();
        screenshot("calendar-none-en");

        click(By.cssSelector("#calendar-create button[type=submit]"));
        String url = browser.findElement(By.id("calendar-url")).getAttribute("value");
        assertThat(url).matches("http://localhost:8080/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(web.unlabelledFields()).isEmpty();
        String path = url.substring("http://localhost:8080".length());
        assertThat(fetch(path).statusCode()).isEqualTo(200);
        screenshot("calendar-issued-en");
        narrow();
        screenshot("calendar-issued-en-390");
        assertNoSidewaysScroll();

        open("/calendar?lang=ar");
        narrow();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("موجز التقويم");
        assertThat(browser.findElements(By.id("calendar-url"))).isEmpty();
        screenshot("calendar-on-ar-390");
        assertNoSidewaysScroll();
        wide();
        screenshot("calendar-on-ar");

        click(By.cssSelector("#calendar-rotate button[type=submit]"));
        assertThat(browser.findElement(By.id("confirm-consequence")).getText()).contains("يتوقف عنوان الموجز الحالي");
        screenshot("calendar-rotate-confirm-ar");
        click(By.id("confirm-submit"));
        String rotated = browser.findElement(By.id("calendar-url")).getAttribute("value");
        assertThat(rotated).isNotEqualTo(url);
        assertThat(fetch(path).statusCode()).isEqualTo(404);
        screenshot("calendar-issued-ar");
        narrow();
        screenshot("calendar-issued-ar-390");
        assertNoSidewaysScroll();

        wide();
        click(By.cssSelector("#calendar-turn-off button[type=submit]"));
        click(By.id("confirm-submit"));
        assertThat(flash()).isEqualTo("أُوقف موجز التقويم الخاص بك. لم يعد عنوانه يعمل.");
        assertThat(fetch(rotated.substring("http://localhost:8080".length())).statusCode())
                .isEqualTo(404);
        open("/calendar?lang=en");
        signOut();
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
}
