package org.compactreview.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
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

    /** Clicks like a user: scrolled into view first; after a submit or a link, waits for the next page. */
    protected void click(By locator) {
        web.click(locator);
    }

    protected void select(String id, String value) {
        web.select(id, value);
    }

    protected void open(String path) {
        web.open(path);
    }

    protected void signIn(String username) {
        web.signIn(username);
    }

    /** Signs out and waits for the signed-out page, so the next sign-in starts a fresh session. */
    protected void signOut() {
        web.signOut();
    }

    protected String flash() {
        return web.flash();
    }

    protected void screenshot(String name) {
        web.screenshot(name);
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
