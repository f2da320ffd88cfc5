package org.compactreview.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/** An integration test with a headless Chromium, started once per test class. */
public abstract class BrowserTest extends IntegrationTest {

    protected static Browser web;
    protected static ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        if (web == null) {
            web = new Browser(http.getRootUri());
            browser = web.driver();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (web != null) {
            web.close();
            web = null;
            browser = null;
        }
    }
}
