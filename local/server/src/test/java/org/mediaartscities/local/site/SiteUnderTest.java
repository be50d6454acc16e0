package org.mediaartscities.local.site;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mediaartscities.local.server.DevServer;
import org.mediaartscities.local.server.DevServerLauncher;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.Select;

/**
 * The dev server (in memory, its sample data) and one headless Chromium for a journey class, each test starting as a
 * fresh visitor: a desktop window, nothing stored, no console error left over. Register it with
 * {@code @RegisterExtension static final SiteUnderTest SITE = new SiteUnderTest();}; without Chromium the class is
 * skipped, saying how to install it.
 */
final class SiteUnderTest implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  private DevServer server;
  private Browser browser;
  private LocalApi api;

  @Override
  public void beforeAll(ExtensionContext context) {
    Browser.assumeInstalled();
    server = DevServerLauncher.startInMemory();
    api = new LocalApi(apiBase(), siteBase());
    browser = Browser.open(siteBase());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
      browser = null;
      server = null;
      api = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    browser.phone(false);
    // Storage belongs to an origin: a page of the site (any, even a 404) must be open to clear it.
    browser.go("/404-check-only-sets-the-origin");
    browser.driver.executeScript("localStorage.clear(); sessionStorage.clear();");
    browser.consoleErrors(); // the 404 of that address, on purpose
  }

  Browser browser() {
    return browser;
  }

  LocalApi api() {
    return api;
  }

  DevServer server() {
    return server;
  }

  String apiBase() {
    return "http://localhost:" + server.port();
  }

  String siteBase() {
    return "http://localhost:" + server.sitePort();
  }

  /**
   * Signs in through the console's own form with the local issuer: as an editor of {@code city}, an admin (both
   * null) or a reviewer with the address {@code email}; returns once the console says who is signed in.
   */
  void signIn(String role, String city, String email) {
    browser.go("/console/");
    new Select(browser.find("#role")).selectByValue(role);
    if (city != null) {
      new Select(browser.find("#city")).selectByValue(city);
    }
    if (email != null) {
      browser.find("#email").sendKeys(email);
    }
    browser.find("#sign-in button[type=submit]").click();
    browser.wait.until(driver -> signedIn(driver));
    browser.waitForPage();
  }

  /**
   * Whether the console says who is signed in. The form navigates (to the page asked for) once it holds the token: a
   * look at the page while it does is aborted or finds a detached element, which only means "not yet".
   */
  private static boolean signedIn(WebDriver driver) {
    try {
      return driver.findElement(By.id("who")).getText().contains("Signed in as");
    } catch (StaleElementReferenceException e) {
      return false;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("aborted by navigation")) {
        return false;
      }
      throw e;
    }
  }
}
