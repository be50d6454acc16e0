package org.mediaartscities.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.shared.json.Json;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver (never one Selenium Manager would download), with
 * what every journey needs: waits, screenshots kept under target/, axe-core run in the page, and the console read
 * for errors (a Content-Security-Policy violation is one).
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = RepoPaths.root().resolve("local/server/target/site-screenshots");
  private static final String AXE = "axe.min.js";

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final String base;
  private final String axe;

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
      assertThat(in).as("axe-core on the test classpath").isNotNull();
      this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Skips the calling test class, saying how to install them, where Chromium or its driver is missing. */
  static void assumeInstalled() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
            + ". Install them with: apt-get install chromium chromium-driver");
  }

  static Browser open(String base) {
    // The driver named explicitly: Selenium then never runs Selenium Manager, which would download one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB",
        "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--metrics-recording-only", "--no-default-browser-check");
    if ("root".equals(System.getProperty("user.name"))) {
      options.addArguments("--no-sandbox"); // Chromium refuses to run as root with its sandbox (CI runs as root)
    }
    var logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options), base);
  }

  void go(String path) {
    driver.get(base + path);
    waitForPage();
  }

  /** Until the page's script has drawn it (main leaves aria-busy). */
  void waitForPage() {
    wait.until(d -> "false".equals(d.findElement(By.id("main")).getAttribute("aria-busy"))
        || d.findElements(By.cssSelector("main:not([aria-busy])")).size() > 0);
  }

  WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void waitForText(String css, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  /** A phone's screen (an iPhone 12 to 15's CSS size) with touch, or back to the desktop window. */
  void phone(boolean on) {
    if (on) {
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
          "deviceScaleFactor", 2, "mobile", true));
      driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
    } else {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
    }
  }

  /** The whole page, not only the window (the application form is long on a phone). */
  void screenshot(String name) {
    screenshot(name, 8000);
  }

  /** The page from its top, at most {@code maxHeight} CSS pixels of it. */
  void screenshot(String name, int maxHeight) {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    var size = (Map<String, Object>) metrics.get("cssContentSize");
    double width = ((Number) size.get("width")).doubleValue();
    double height = Math.min(((Number) size.get("height")).doubleValue(), maxHeight);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs axe-core in the page (injected through the driver, which the page's CSP does not restrict: nothing of it is
   * shipped in web/) and returns its serious and critical violations, each as "rule: nodes".
   */
  List<String> seriousAccessibilityViolations() {
    driver.executeScript(axe);
    Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',
            'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
          .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error',
            impact: 'critical', nodes: [{target: [String(e)]}]}])));""");
    var found = new ArrayList<String>();
    try {
      for (JsonNode violation : Json.MAPPER.readTree((String) result)) {
        String impact = violation.path("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          var targets = new ArrayList<String>();
          violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
          found.add(violation.path("id").asText() + " (" + impact + "): " + targets);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** Checks the page: no serious or critical accessibility violation, no error in the console; then a screenshot. */
  void check(String name) {
    assertThat(seriousAccessibilityViolations()).as("axe-core on " + driver.getCurrentUrl()).isEmpty();
    assertThat(consoleErrors()).as("console errors on " + driver.getCurrentUrl()).isEmpty();
    assertThat(driver.findElement(By.tagName("body")).getText()).as("text of " + driver.getCurrentUrl())
        .doesNotContainPattern("\\b(null|undefined|NaN|\\[object Object\\])\\b");
    screenshot(name);
  }

  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  /**
   * The browser logs every 4xx answer as an error; those the journey caused on purpose, which the page says in its
   * own words, are taken off the log before the page is checked: the log must hold exactly these, one a status.
   */
  void expectRefusals(String... statuses) {
    List<String> errors = consoleErrors();
    assertThat(errors).as("console errors: only the API's refusals, on purpose").hasSize(statuses.length);
    for (int i = 0; i < statuses.length; i++) {
      assertThat(errors.get(i)).as("console error " + (i + 1)).contains(statuses[i]);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
