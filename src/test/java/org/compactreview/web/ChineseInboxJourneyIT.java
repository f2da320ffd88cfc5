package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Chinese-speaking focal point's inbox in a Chromium that has no Chinese font installed (the
 * test machine has none): the page is Chinese, and its glyphs come from the font the application
 * ships (Noto Sans SC), so they render instead of empty boxes; in Arabic, the shipped Noto Sans
 * Arabic. Screenshots at phone and laptop size for docs/screenshots.
 */
class ChineseInboxJourneyIT extends BrowserTest {

    private static final String PASSWORD = "a-long-password";

    @Autowired
    UserDirectory directory;

    @Test
    void aFocalPointReadsTheirInboxInChineseWithTheShippedFont() {
        openAnnualReview("zh-inbox", "CHN");
        String username = "fp-chn-" + Long.toString(System.nanoTime(), 36);
        directory.create(
                username, PASSWORD, new UserDraft("联络点 中国", null, "zh", true, Set.of(Role.FOCAL_POINT), Set.of("CHN")));
        open("/login");
        web.type(By.id("username"), username);
        web.type(By.id("password"), PASSWORD);
        click(By.cssSelector("main button[type=submit]"));
        open("/inbox");

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1366, 768))) {
            browser.manage().window().setSize(size);
            assertThat(loadedFaces("Noto Sans SC"))
                    .as("Chinese glyphs drawn with the shipped font at " + size)
                    .isPositive();
            // Every Chinese character on the page is in a loaded face of the shipped font, regular
            // or bold as the text is (no other font of this machine has them: without it they are
            // empty boxes).
            assertThat(browser.executeScript(
                            "const han = (document.body.innerText.match(/\\p{Script=Han}/gu) || []).join('');"
                                    + "return han.length > 0 && [...han].every(c => document.fonts.check('16px \"Noto Sans SC\"', c)"
                                    + " || document.fonts.check('bold 16px \"Noto Sans SC\"', c));"))
                    .isEqualTo(true);
            screenshot("inbox-zh-" + size.getWidth() + "x" + size.getHeight());
        }

        // The same user in Arabic: the shipped Arabic font draws the page.
        open("/inbox?lang=ar");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(loadedFaces("Noto Sans Arabic")).isPositive();
        screenshot(
                "inbox-ar-shipped-font-" + browser.manage().window().getSize().getWidth());
    }

    /** How many faces of the family the page has downloaded and uses, once its fonts settle. */
    private long loadedFaces(String family) {
        Object count = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "document.fonts.ready.then(() => done([...document.fonts]"
                        + ".filter(f => f.family.replace(/['\"]/g, '') === arguments[0] && f.status === 'loaded')"
                        + ".length));",
                family);
        return ((Number) count).longValue();
    }
}
