package com.directorline.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium window, from the Debian packages {@code chromium} and {@code chromium-driver}
 * ({@code .ci/run} installs them; override the paths with {@code CHROMIUM_BINARY} and {@code
 * CHROMEDRIVER}). Headless, with its own profile, so each test is a separate browser.
 */
public final class Browser implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;
  private final String baseUrl;

  private Browser(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /** A phone-sized window (375 x 667) or a desktop one. */
  public static Browser open(String baseUrl, boolean phone) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(setting("CHROMIUM_BINARY", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        // Only the tests' stand-in Jitsi server on 127.0.0.1 has a self-signed certificate.
        "--ignore-certificate-errors",
        phone ? "--window-size=500,800" : "--window-size=1366,900");
    options.setAcceptInsecureCerts(true);
    if (phone) {
      // A desktop window cannot be narrower than 500 px; the phone's 375 x 667 viewport (with
      // touch)
      // comes from Chromium's device emulation.
      options.setExperimentalOption(
          "mobileEmulation",
          java.util.Map.of(
              "deviceMetrics",
              java.util.Map.of("width", 375, "height", 667, "pixelRatio", 1.0, "touch", true)));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(setting("CHROMEDRIVER", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), baseUrl);
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  public WebElement visible(String id) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  public void type(String id, String text) {
    WebElement field = visible(id);
    field.clear();
    field.sendKeys(text);
  }

  public void click(String id) {
    visible(id).click();
  }

  /** Waits until the element shows the text. */
  public String text(String id, String expected) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
    return driver.findElement(By.id(id)).getText();
  }

  /** Waits up to {@code timeout} until an element matching the CSS selector is visible. */
  public WebElement visibleCss(String css, Duration timeout) {
    return new WebDriverWait(driver, timeout)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** Waits up to {@code timeout} until the element shows the text. */
  public String text(String id, String expected, Duration timeout) {
    new WebDriverWait(driver, timeout)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
    return driver.findElement(By.id(id)).getText();
  }

  /** Waits until the page is at {@code path} (after a redirect). */
  public void at(String path) {
    at(path, Duration.ofSeconds(10));
  }

  public void at(String path, Duration timeout) {
    new WebDriverWait(driver, timeout).until(ExpectedConditions.urlToBe(baseUrl + path));
  }

  public Object script(String script, Object... arguments) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** Chooses a file for a file input (hidden or not), as the phone's camera would hand it over. */
  public void chooseFile(String id, Path file) {
    driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
  }

  /** Signs in on the sign-in page and waits for the page the user's role leads to. */
  public void signIn(String username, String password, String landing) {
    go("/");
    type("username", username);
    type("password", password);
    driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
    at(landing);
  }

  public WebDriver driver() {
    return driver;
  }

  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
