package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.report.ReportService;
import org.compactreview.support.AppPages;
import org.compactreview.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Every page of the app ({@link AppPages}) in a real headless Chromium, as the user who sees it,
 * at a phone's 390 x 844 and a laptop's 1366 x 768, in each UI language: the page never scrolls
 * sideways, no element sticks out of the screen (left or right, so right-to-left too), and
 * axe-core's WCAG 2.1 A and AA rules find no violation.
 *
 * <p>axe-core comes from the test classpath ({@code src/test/resources/axe/}, MPL-2.0) and is
 * injected through the driver, never through the page: the page's CSP stays strict. Each page is
 * visited once per size and language. A few key pages are saved as screenshots
 * ({@code target/screenshots/ui-*}; copies in {@code docs/screenshots/}).
 */
class ScreenSweepIT extends BrowserTest {

    /**
     * The UI languages swept: English, Arabic (right to left), Chinese (its own font) and Russian
     * (the longest words); French and Spanish share English and Russian's script and direction, and
     * every page is rendered in them by PagesInEveryLanguageIT. A language is one more entry.
     */
    static final List<String> LANGUAGES = List.of("en", "ar", "zh", "ru");

    record Size(int width, int height) {}

    static final List<Size> SIZES = List.of(new Size(390, 844), new Size(1366, 768));

    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The pages whose screenshots the docs show, by the start of their address. */
    static final Map<String, String> SCREENSHOTS = Map.of(
            "/inbox", "inbox",
            "/validation", "validation",
            "/cycles/overview", "cycles-overview");

    /**
     * What sticks out of the screen: the page's own width, then each visible element whose box
     * reaches past the left or right edge, unless it sits in a frame of its own that scrolls (or
     * clips) and that frame fits. Boxes of a pixel or less are the visually hidden texts.
     */
    private static final String OVERFLOW =
            """
            const width = document.documentElement.clientWidth;
            const found = [];
            // The same pixel of rounding as for the elements below (a 391 px page in 390 is a rounding).
            if (document.documentElement.scrollWidth > window.innerWidth + 1) {
              found.push('page is ' + document.documentElement.scrollWidth + ' px wide in ' + window.innerWidth);
            }
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
            for (const e of document.body.querySelectorAll('*')) {
              const box = e.getBoundingClientRect();
              if (box.width <= 1 || box.height <= 1) continue;
              if (box.right <= width + 1 && box.left >= -1) continue;
              let inFrame = false;
              for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                if (getComputedStyle(p).overflowX !== 'visible') {
                  const frame = p.getBoundingClientRect();
                  inFrame = frame.right <= width + 1 && frame.left >= -1;
                  break;
                }
              }
              if (!inFrame) {
                found.push(name(e) + ' ' + Math.round(box.left) + '..' + Math.round(box.right)
                    + ' "' + (e.textContent || '').trim().slice(0, 40) + '"');
              }
              if (found.length > 8) break;
            }
            return found;
            """;

    private static final String AXE_RUN =
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '
                  + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160)).join(' | '))),
                    e => done(['axe failed: ' + e]));
            """;

    @Autowired
    ReportService reports;

    @Test
    void everyPageFitsPhoneAndLaptopInEveryLanguageAndPassesAxe() throws Exception {
        Map<String, List<String>> pages = AppPages.prepare(this, reports);
        String axe = axeSource();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", true));
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int visits = 0;
        for (var entry : pages.entrySet()) {
            String user = entry.getKey();
            for (String language : LANGUAGES) {
                for (Size size : SIZES) {
                    resize(size);
                    if (!user.equals(AppPages.SIGNED_OUT)) {
                        signIn(user);
                    }
                    for (String page : entry.getValue()) {
                        visits++;
                        open(page + (page.contains("?") ? "&" : "?") + "lang=" + language);
                        String where = (user.isEmpty() ? "signed out" : user) + " " + page + " [" + language + " "
                                + size.width() + "x" + size.height() + "]";
                        String dir = browser.findElement(By.tagName("html")).getAttribute("dir");
                        if (!("ar".equals(language) ? "rtl" : "ltr").equals(dir)) {
                            failures.add(where + ": direction " + dir);
                        }
                        for (Object problem : (List<?>) browser.executeScript(OVERFLOW)) {
                            failures.add(where + ": " + problem);
                        }
                        browser.executeScript(axe);
                        for (Object violation : (List<?>) browser.executeAsyncScript(AXE_RUN, AXE_TAGS)) {
                            failures.add(where + ": axe " + violation);
                        }
                        screenshotIfKey(user, page, language, size);
                    }
                    if (!user.equals(AppPages.SIGNED_OUT)) {
                        open("/inbox");
                        signOut();
                    }
                }
            }
        }
        System.out.printf(
                "Screen sweep: %d page visits in %d s%n", visits, (System.nanoTime() - started) / 1_000_000_000L);
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    /**
     * The sweep's check sees what it must: without our stylesheet the inbox table is wider than a
     * phone (the page scrolls sideways, and right to left its buttons leave the screen on the
     * left); with it the same page fits.
     */
    @Test
    void sweepSeesTheInboxTableStickOutWithoutTheStackedTables() {
        openAnnualReview("sweep-check", "EGY");
        browser.executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", true));
        signIn("fp-egy");
        resize(SIZES.get(0));
        for (String language : LANGUAGES) {
            open("/inbox?lang=" + language);
            assertThat((List<?>) browser.executeScript(OVERFLOW)).as(language).isEmpty();
            browser.executeScript("document.querySelector(\"link[href*='app.css']\").remove()");
            assertThat((List<?>) browser.executeScript(OVERFLOW)).as(language).isNotEmpty();
        }
        resize(SIZES.get(1));
        open("/inbox?lang=en");
        signOut();
    }

    /**
     * On a phone the menu is one bar with a toggler (its label translated, its state in
     * aria-expanded) that opens by keyboard; on a laptop the whole menu shows without it.
     */
    @Test
    void menuCollapsesOnAPhoneAndOpensByKeyboardInBothDirections() {
        signIn("secretariat");
        for (String language : LANGUAGES) {
            resize(SIZES.get(0));
            open("/inbox?lang=" + language);
            WebElement toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
            WebElement menu = browser.findElement(By.id("app-menu"));
            WebElement navbar = browser.findElement(By.cssSelector("nav.navbar"));
            assertThat(toggler.isDisplayed()).isTrue();
            assertThat(toggler.getAttribute("aria-label")).isNotBlank().doesNotContain("??");
            assertThat(toggler.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(menu.isDisplayed()).isFalse();
            assertThat(navbar.getRect().getHeight()).as("closed menu height").isLessThan(844 / 10);
            browser.executeScript("arguments[0].focus()", toggler);
            new Actions(browser).sendKeys(Keys.ENTER).perform();
            new WebDriverWait(browser, Duration.ofSeconds(5))
                    .until(d -> "true".equals(toggler.getAttribute("aria-expanded")) && menu.isDisplayed());
            WebElement validation = menu.findElement(By.cssSelector("a[href$='/validation']"));
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> validation.isDisplayed());
            Rectangle link = validation.getRect();
            assertThat(link.getX()).isGreaterThanOrEqualTo(0);
            assertThat(link.getX() + link.getWidth()).isLessThanOrEqualTo(390);
            if ("ar".equals(language)) {
                // Right to left the menu's entries start at the right edge.
                assertThat(link.getX() + link.getWidth()).isGreaterThan(390 / 2);
            }
            resize(SIZES.get(1));
            open("/inbox?lang=" + language);
            assertThat(browser.findElement(By.cssSelector(".navbar-toggler")).isDisplayed())
                    .isFalse();
            assertThat(browser.findElement(By.cssSelector("#app-menu a[href$='/validation']"))
                            .isDisplayed())
                    .isTrue();
        }
        open("/inbox?lang=en");
        signOut();
    }

    /** Browsers ask for /favicon.ico on every page, signed in or not: it answers, like the SVG icon. */
    @Test
    void faviconAnswersWithoutSignIn() {
        ResponseEntity<byte[]> ico = http.getForEntity("/favicon.ico", byte[].class);
        assertThat(ico.getStatusCode().value()).isEqualTo(200);
        assertThat(ico.getBody()).startsWith(0, 0, 1, 0);
        ResponseEntity<String> svg = http.getForEntity("/assets/favicon.svg", String.class);
        assertThat(svg.getStatusCode().value()).isEqualTo(200);
        assertThat(svg.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
    }

    private void resize(Size size) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", size.width(), "height", size.height(), "deviceScaleFactor", 1, "mobile", false));
    }

    private void screenshotIfKey(String user, String page, String language, Size size) {
        String name = SCREENSHOTS.get(page);
        if (name == null && page.matches("/reports/\\d+") && user.equals("fp-egy")) {
            name = "report-form";
        } else if (name == null && page.matches("/cycles/\\d+/summary")) {
            name = "summary";
        } else if (name == null && page.matches("/cycles/\\d+") && !page.endsWith("999999")) {
            name = "board";
        }
        if (name != null && !Set.of("manager").contains(user)) {
            screenshot("ui-" + name + "-" + language + "-" + size.width());
        }
    }

    private static String axeSource() throws Exception {
        try (InputStream in = ScreenSweepIT.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe-core on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
