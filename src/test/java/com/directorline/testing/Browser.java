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
        phone ? "--window-size=375,667" : "--window-size=1366,900");
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
