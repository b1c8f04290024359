package dev.elevate.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver so Selenium downloads
 * nothing. Where Chromium is missing the test is skipped with a message saying so, unless
 * {@code ELEVATE_BROWSER_TESTS=required} (CI) makes that a failure.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    public static Browser open() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "Browser test skipped: Debian's chromium and chromium-driver are not "
                    + "installed (apt-get install chromium chromium-driver)";
            if ("required".equals(System.getenv("ELEVATE_BROWSER_TESTS"))) {
                throw new AssertionError(message.replace("skipped", "cannot run"));
            }
            System.out.println("[WARNING] " + message);
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    public void get(String url) {
        driver.get(url);
    }

    /** Fills Keycloak's own sign-in page, which Elevate redirects to. */
    public void signIn(String username) {
        waitFor(By.id("username"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoUsers.password(username));
        driver.findElement(By.id("kc-login")).click();
    }

    public void waitFor(By locator) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(locator).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw lost("no " + locator, e);
        }
    }

    private AssertionError lost(String what, Exception cause) {
        String shot;
        try {
            shot = screenshot("failure").toString();
        } catch (IOException | RuntimeException e) {
            shot = "none (" + e + ")";
        }
        String source = driver.getPageSource();
        return new AssertionError(what + " at " + driver.getCurrentUrl() + "; screenshot " + shot
                + "; page starts: " + source.substring(0, Math.min(1500, source.length())), cause);
    }

    public void waitForUrl(String fragment) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().contains(fragment));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw lost("no URL with " + fragment, e);
        }
    }

    public Path screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        return Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
