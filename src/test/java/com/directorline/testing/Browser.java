package com.directorline.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
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
    return phone ? phone(baseUrl, 375, 667) : open(baseUrl, null, null, null);
  }

  /**
   * A desktop window whose downloads (a link with {@code download}, an attachment) are saved to
   * {@code downloads} without asking; other browsers keep Chromium's default.
   */
  public static Browser downloadingTo(String baseUrl, Path downloads) {
    try {
      Files.createDirectories(downloads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return open(baseUrl, null, null, downloads.toAbsolutePath());
  }

  /** A phone of this viewport (CSS pixels, with touch), e.g. 390 x 844. */
  public static Browser phone(String baseUrl, int width, int height) {
    return open(baseUrl, width, height, null);
  }

  private static Browser open(String baseUrl, Integer width, Integer height, Path downloads) {
    boolean phone = width != null;
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
        phone ? "--window-size=500," + Math.max(800, height + 150) : "--window-size=1366,900");
    options.setAcceptInsecureCerts(true);
    if (phone) {
      // A desktop window cannot be narrower than 500 px; the phone's viewport (with touch) comes
      // from Chromium's device emulation.
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
    }
    if (downloads != null) {
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory", downloads.toString(),
              "download.prompt_for_download", false,
              "download.directory_upgrade", true,
              "safebrowsing.enabled", true));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(setting("CHROMEDRIVER", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    if (downloads != null) {
      // Headless Chromium may ignore the profile's download folder: the DevTools setting is sure.
      driver.executeCdpCommand(
          "Browser.setDownloadBehavior",
          Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }
    return new Browser(driver, baseUrl);
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
    return waitFor(
        ExpectedConditions.visibilityOfElementLocated(By.id(id)), Duration.ofSeconds(10), id);
  }

  /**
   * Waits for the condition; when it times out, keeps a screenshot of the page as it was ({@code
   * target/screenshots/timeout-...}), so a failure seen once in CI can be looked at.
   */
  private <T> T waitFor(ExpectedCondition<T> condition, Duration timeout, String what) {
    try {
      return new WebDriverWait(driver, timeout).until(condition);
    } catch (TimeoutException e) {
      try {
        screenshot("timeout-" + what.replaceAll("[^A-Za-z0-9-]", "_") + "-" + System.nanoTime());
      } catch (RuntimeException ignored) {
        // the browser may be gone; the timeout is what matters
      }
      throw e;
    }
  }

  /**
   * Waits up to {@code timeout} until the condition holds (a non-null, non-false answer). An
   * element replaced or removed while the condition reads it counts as not yet: the pages re-render
   * their lists at every poll.
   */
  public <T> T until(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(condition);
  }

  public void type(String id, String text) {
    WebElement field = visible(id);
    field.clear();
    field.sendKeys(text);
  }

  public void click(String id) {
    visible(id).click();
  }

  /**
   * Asserts that the element comes to show the text within 10 seconds; the failure says what it
   * shows instead. The wait is the check: nothing needs asserting after it.
   */
  public void shows(String id, String expected) {
    try {
      text(id, expected);
    } catch (TimeoutException e) {
      List<WebElement> found = driver.findElements(By.id(id));
      throw new AssertionError(
          "#"
              + id
              + " should show \""
              + expected
              + "\" but "
              + (found.isEmpty()
                  ? "is not on the page"
                  : "shows \"" + found.get(0).getText() + "\""),
          e);
    }
  }

  /** Asserts that the element comes into view within 10 seconds, and returns it. */
  public WebElement shown(String id) {
    try {
      return visible(id);
    } catch (TimeoutException e) {
      throw new AssertionError("#" + id + " should be visible on " + driver.getCurrentUrl(), e);
    }
  }

  /** Waits until the element shows the text. */
  public String text(String id, String expected) {
    return text(id, expected, Duration.ofSeconds(10));
  }

  /** Waits up to {@code timeout} until an element matching the CSS selector is visible. */
  public WebElement visibleCss(String css, Duration timeout) {
    return waitFor(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)), timeout, css);
  }

  /** Waits up to {@code timeout} until the element shows the text. */
  public String text(String id, String expected, Duration timeout) {
    // The text is read inside the wait: pages re-render their lists at every poll, so an element
    // found once may be replaced before a second read (a StaleElementReference in CI).
    return waitFor(
        d -> {
          try {
            String text = d.findElement(By.id(id)).getText();
            return text.contains(expected) ? text : null;
          } catch (StaleElementReferenceException | NoSuchElementException e) {
            return null;
          }
        },
        timeout,
        id);
  }

  /** Waits until the page is at {@code path} (after a redirect). */
  public void at(String path) {
    at(path, Duration.ofSeconds(10));
  }

  public void at(String path, Duration timeout) {
    waitFor(ExpectedConditions.urlToBe(baseUrl + path), timeout, "at" + path);
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
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

  /**
   * Every visible text's contrast against the background it is drawn on (the first opaque one up
   * the tree): at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold), as WCAG AA asks.
   * Disabled controls are exempt, as in WCAG.
   */
  private static final String LOW_CONTRAST =
      """
      const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const background = (node) => {
        for (let n = node; n; n = n.parentElement) {
          const c = rgb(getComputedStyle(n).backgroundColor);
          if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const faint = [];
      for (const node of document.querySelectorAll('body *')) {
        const own = [...node.childNodes].some((t) => t.nodeType === 3 && t.textContent.trim());
        if (!own || !node.getClientRects().length || node.closest(':disabled')) continue;
        const style = getComputedStyle(node);
        if (style.visibility === 'hidden') continue;
        const [a, b] = [lum(rgb(style.color).slice(0, 3)), lum(background(node))].sort((x, y) => y - x);
        const ratio = (a + 0.05) / (b + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) faint.push(`${node.tagName}#${node.id} "${node.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
      }
      return faint;
      """;

  /** Visible text below WCAG AA contrast on this page as it is now (see {@link #LOW_CONTRAST}). */
  @SuppressWarnings("unchecked")
  public List<String> lowContrastTexts() {
    return (List<String>) script(LOW_CONTRAST);
  }

  /** Controls with neither a label, an aria-label nor (buttons) text. */
  @SuppressWarnings("unchecked")
  public List<String> unlabelledControls() {
    return (List<String>)
        script(
            "return [...document.querySelectorAll('input, select, textarea, button')]"
                + ".filter(c => c.type !== 'hidden')"
                + ".filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')"
                + " && !(c.tagName === 'BUTTON' && c.textContent.trim()))"
                + ".map(c => c.id || c.outerHTML)");
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

  /** The whole page, not only the window: the window grows to the page's height for the shot. */
  public Path screenshotWhole(String name) {
    Dimension before = driver.manage().window().getSize();
    Number height = (Number) script("return document.documentElement.scrollHeight");
    driver
        .manage()
        .window()
        .setSize(new Dimension(before.getWidth(), Math.min(height.intValue() + 120, 8000)));
    try {
      return screenshot(name);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
