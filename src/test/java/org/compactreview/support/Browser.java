package org.compactreview.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, with the few gestures the journeys
 * need. Starting it throws when the browser is missing, so a browser test fails, never skips.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;
    private final String rootUri;

    public Browser(String rootUri) throws Exception {
        this.rootUri = rootUri;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1400",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        Files.createDirectories(SCREENSHOTS);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(rootUri + path);
    }

    public void type(By locator, String text) {
        driver.findElement(locator).sendKeys(text);
    }

    /** Clicks like a user: scrolled into view first; after a submit, waits for the next page. */
    public void click(By locator) {
        click(driver.findElement(locator));
    }

    public void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        boolean navigates = "submit".equals(element.getAttribute("type"))
                || ("a".equals(element.getTagName()) && element.getAttribute("href") != null);
        if (navigates) {
            driver.executeScript("window.compactReviewPreviousPage = true");
        }
        element.click();
        if (navigates) {
            awaitNextPage();
        }
    }

    /**
     * Waits until the page marked before the click is gone and the next one has loaded. Chromium
     * sometimes answers questions about an element of a page being replaced with an "unknown
     * error" instead of a stale element, so the wait asks the window, not the element.
     */
    private void awaitNextPage() {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class)
                .until(d ->
                        Boolean.TRUE.equals(driver.executeScript("return window.compactReviewPreviousPage === undefined"
                                + " && document.readyState === 'complete'")));
    }

    public void select(String id, String value) {
        WebElement element = driver.findElement(By.id(id));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        new Select(element).selectByValue(value);
    }

    /** Sets a field's value directly (date inputs, whose typing depends on the browser's locale). */
    public void setValue(String id, String value) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    public void signIn(String username) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), "demo");
        click(By.cssSelector("main button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Signs out and waits for the signed-out page, so the next sign-in starts a fresh session. */
    public void signOut() {
        openMenuIfCollapsed();
        click(By.cssSelector("form[action$='/logout'] button"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("logout"));
    }

    /** On a narrow screen the menu hides behind its toggler: opens it and waits until it is shown. */
    public void openMenuIfCollapsed() {
        List<WebElement> togglers = driver.findElements(By.cssSelector(".navbar-toggler"));
        if (!togglers.isEmpty()
                && togglers.get(0).isDisplayed()
                && "false".equals(togglers.get(0).getAttribute("aria-expanded"))) {
            // The bar scrolls away with the page (it is not sticky on a phone): back to the top first,
            // at once (Bootstrap makes scrolling smooth, and a click during the glide misses).
            driver.executeScript("window.scrollTo({top: 0, left: 0, behavior: 'instant'})");
            togglers.get(0).click();
            new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(d -> Boolean.TRUE.equals(
                            driver.executeScript("return document.querySelector('#app-menu').classList.contains('show')"
                                    + " && !document.querySelector('#app-menu').classList.contains('collapsing')")));
        }
    }

    /** The success message of the last action. */
    public String flash() {
        return driver.findElement(By.cssSelector("[role=status].alert")).getText();
    }

    public void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every visible form field has a label (or an accessible name) that a screen reader reads. */
    public List<?> unlabelledFields() {
        return (List<?>) driver.executeScript(
                "return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
                        + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))"
                        + ".map(e => e.name || e.id)");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
