package dev.cdpconsole.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;

/**
 * The browser of the page tests: headless Chromium where it is installed, HtmlUnit otherwise (saying so).
 * With {@code CDP_TEST_REQUIRE_CHROMIUM=true} (CI; or {@code -Dit.require.chromium=true}) a missing Chromium is a
 * failure, not a fallback.
 */
final class Browsers {

    static final File CHROMIUM = new File(System.getProperty("cdp.test.chromium", "/usr/bin/chromium"));
    static final File DRIVER = new File(System.getProperty("cdp.test.chromedriver", "/usr/bin/chromedriver"));

    private Browsers() {
    }

    static WebDriver open() {
        if (CHROMIUM.canExecute() && DRIVER.canExecute()) {
            System.out.println("[browser tests] using headless Chromium " + CHROMIUM);
            return chromium();
        }
        if (Boolean.getBoolean("cdp.test.require.chromium")
                || "true".equalsIgnoreCase(System.getenv("CDP_TEST_REQUIRE_CHROMIUM"))) {
            throw new IllegalStateException("Chromium is required (cdp.test.require.chromium=true) but "
                    + CHROMIUM + " or " + DRIVER + " is missing; install the chromium and chromium-driver packages");
        }
        System.out.println("[browser tests] Chromium not found: falling back to HtmlUnit (no screenshots)");
        HtmlUnitDriver driver = new HtmlUnitDriver(true);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }

    private static WebDriver chromium() {
        try {
            Path profile = Files.createTempDirectory("cdp-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows under target/screenshots (Chromium only; HtmlUnit draws nothing). */
    static void screenshot(WebDriver driver, String name) {
        if (!(driver instanceof TakesScreenshot camera) || driver instanceof HtmlUnitDriver) {
            return;
        }
        try {
            Path folder = Path.of(System.getProperty("cdp.test.screenshots", "target/screenshots"));
            Files.createDirectories(folder);
            File shot = camera.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
