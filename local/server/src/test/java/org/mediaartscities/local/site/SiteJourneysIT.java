package org.mediaartscities.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.server.DevServer;
import org.mediaartscities.local.server.DevServerLauncher;
import org.mediaartscities.shared.json.Json;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The site's journeys in headless Chromium against {@code ./dev run} (its sample data): a visitor browsing, an
 * artist applying from a phone, a newsletter subscription to its one-click end. One dev server and one browser for
 * the class; every page visited is checked with axe-core and for console errors, and photographed under
 * target/site-screenshots/.
 */
class SiteJourneysIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String CALL = "city-to-city-residency-open-call";
  private static DevServer server;
  private static Browser browser;
  private static String api;
  private static String site;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    server = DevServerLauncher.startInMemory();
    api = "http://localhost:" + server.port();
    site = "http://localhost:" + server.sitePort();
    browser = Browser.open(site);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void freshVisitor() {
    browser.phone(false);
    browser.go("/404-check-only-sets-the-origin");
    browser.driver.executeScript("localStorage.clear(); sessionStorage.clear();");
    browser.consoleErrors(); // the 404 of that address, on purpose
  }

  @Test
  void aVisitorBrowsesTheHomePageAListWithAFilterItsNextPageAndADetailWithItsImage() throws Exception {
    String imageSlug = publishNewsWithAnImage();

    browser.go("/");
    browser.waitForText("h1", "UNESCO Creative Cities of Media Arts");
    assertThat(browser.all(".cities li")).hasSize(22);
    assertThat(browser.all("section[aria-labelledby=latest-news] .card")).isNotEmpty();
    browser.check("visitor-1-home");

    browser.find("nav a[href='/news/']").click();
    browser.waitForPage();
    List<String> firstPage = titles();
    assertThat(firstPage).hasSize(10);
    new Select(browser.find("#filter-city")).selectByValue("lyon");
    browser.find(".filters button").click();
    browser.wait.until(ExpectedConditions.urlContains("city=lyon"));
    browser.waitForPage();
    assertThat(browser.all(".card .meta")).isNotEmpty().allSatisfy(meta -> assertThat(meta.getText()).startsWith("Lyon"));
    browser.check("visitor-2-news-in-lyon");

    browser.go("/news/");
    browser.find("a[rel=next]").click();
    browser.wait.until(ExpectedConditions.urlContains("cursor="));
    browser.waitForPage();
    List<String> secondPage = titles();
    assertThat(secondPage).isNotEmpty().doesNotContainAnyElementsOf(firstPage);
    browser.check("visitor-3-news-page-2");

    browser.go("/news/" + imageSlug);
    browser.waitForText("h1", "Digital arts night");
    WebElement image = browser.find("figure img");
    assertThat(image.getAttribute("alt")).isEqualTo("The square, lit up");
    assertThat(image.getAttribute("srcset")).contains("/400.jpg 400w");
    browser.wait.until(d -> (Boolean) browser.driver.executeScript("return arguments[0].complete && "
        + "arguments[0].naturalWidth > 0", image));
    JsonNode jsonLd = Json.MAPPER.readTree((String) browser.driver.executeScript(
        "return document.querySelector('script[type=\"application/ld+json\"]').textContent"));
    assertThat(jsonLd.get("@type").asText()).isEqualTo("NewsArticle");
    assertThat(browser.find(".body strong").getText()).isEqualTo("nombreux"); // the API's sanitised Markdown
    browser.check("visitor-4-news-detail-with-image");
    browser.screenshot("readme-detail", 760);

    browser.go("/events/");
    browser.find(".card h3 a").click();
    browser.waitForPage();
    JsonNode event = Json.MAPPER.readTree((String) browser.driver.executeScript(
        "return document.querySelector('script[type=\"application/ld+json\"]').textContent"));
    assertThat(event.get("@type").asText()).isEqualTo("Event");
    browser.check("visitor-5-event-detail");
  }

  @Test
  void theSiteSpeaksFrenchAndLaysHebrewOutRightToLeft() {
    browser.go("/calls/?lang=fr");
    browser.waitForText("h1", "Appels");
    assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
    assertThat(browser.find("html").getAttribute("dir")).isEqualTo("ltr");
    assertThat(browser.find("label[for=filter-city]").getText()).isEqualTo("Ville");
    browser.check("language-1-calls-in-french");

    browser.go("/?lang=he");
    browser.waitForPage();
    assertThat(browser.find("html").getAttribute("dir")).isEqualTo("rtl");
    WebElement brand = browser.find("header .brand");
    WebElement language = browser.find("header .language");
    // Right to left: the site's name starts on the right, the language choice ends on the left.
    assertThat(brand.getRect().getX()).isGreaterThan(language.getRect().getX());
    browser.check("language-2-home-in-hebrew");
    browser.go("/?lang=en");
  }

  @Test
  void anArtistAppliesFromAPhoneVerifiesTheAddressResumesElsewhereAndSubmits() throws Exception {
    browser.phone(true);
    String email = "aya+" + System.nanoTime() + "@example.org";
    browser.go("/calls/" + CALL + "/apply");
    browser.waitForText("h1", "Your application");
    assertThat(browser.find("#countdown").getText()).matches(".*\\d+ d \\d+ h left\\.");
    browser.check("artist-1-start");

    browser.find("#start button[type=submit]").click();
    browser.waitForText(".error-summary", "Enter your name");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("applicant-name");
    browser.check("artist-2-start-errors");

    browser.find("#applicant-name").sendKeys("Aya Tanaka");
    browser.find("#applicant-email").sendKeys(email);
    browser.find("#start button[type=submit]").click();
    browser.waitForText("#verification h2", "Confirm your email address");
    String accessLink = browser.find("#access-link").getAttribute("href");
    assertThat(accessLink).contains("#token=");
    browser.check("artist-3-verify");

    // The code's link, opened on the device where the application started
    String codeLink = linkInEmail(email, "#code=");
    browser.driver.get(codeLink);
    browser.waitForPage();
    browser.waitForText("#verification", "Address confirmed: " + email);

    browser.find("#q-name").sendKeys("Aya Tanaka Studio");
    new Select(browser.find("#q-country")).selectByValue("JP");
    browser.find("label[for=q-discipline]").click();
    browser.find("#q-statement").sendKeys("Une installation lumineuse");
    browser.waitForText("#q-statement-count", "3 words. Between 20 and 500.");
    browser.find("form#questions button[type=submit]").click();
    browser.waitForText(".error-summary", "at least 20 words");
    WebElement focused = browser.driver.switchTo().activeElement();
    assertThat(focused.getAttribute("id")).isEqualTo("q-statement");
    assertThat(focused.getAttribute("aria-invalid")).isEqualTo("true");
    browser.check("artist-4-errors-announced");

    browser.find("#q-statement").sendKeys(" qui relie deux villes du réseau par des capteurs de lumière, de son et de"
        + " mouvement, partagés en ligne pendant six semaines de résidence.");
    browser.waitForText("#q-statement-count", "27 words.");
    browser.waitForText("#save-status", "Saved at");

    browser.find("#team-add").click();
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("team-0-name");
    browser.find("#team-0-name").sendKeys("Kenji Mori");
    browser.find("#team-0-role").sendKeys("Sound design");
    browser.wait.until(driver -> storedTeam(accessLink).toString().contains("Kenji Mori"));
    assertThat(storedTeam(accessLink).get(0).get("role").asText()).isEqualTo("Sound design");

    // Another device: no storage, the link given at creation
    browser.driver.executeScript("localStorage.clear()");
    browser.driver.get(accessLink);
    browser.waitForPage();
    assertThat(browser.find("#q-statement").getAttribute("value")).startsWith("Une installation lumineuse qui relie");
    assertThat(browser.find("#q-country").getAttribute("value")).isEqualTo("JP");
    assertThat(browser.find("#team-0-name").getAttribute("value")).isEqualTo("Kenji Mori");
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("token=");
    browser.check("artist-5-resumed-on-another-device");
    browser.screenshot("readme-apply-on-a-phone", 1400);

    browser.find("label[for=q-consent]").click();
    browser.find("form#questions button[type=submit]").click();
    browser.waitForText("#receipt-title", "Application submitted");
    String number = browser.find(".receipt-number").getText();
    assertThat(number).matches("Receipt number: [A-Z]{3}-\\d{4}-\\d{4}");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("receipt-title");
    browser.check("artist-6-receipt");
    assertThat(outbox().findValues("subject").stream().map(JsonNode::asText))
        .anyMatch(subject -> subject.contains(number.substring("Receipt number: ".length())));
  }

  @Test
  void anArtistUploadsAPortfolioWithProgressStraightToS3() throws Exception {
    assertThat(uploadStoreAnswersBrowsers()).as("the local S3 answers a browser's CORS preflight for a PUT, as the "
        + "buckets' CORS rules do on AWS (EmbeddedS3)").isTrue();
    browser.phone(true);
    browser.go("/calls/" + CALL + "/apply");
    browser.find("#applicant-name").sendKeys("Noa Levi");
    browser.find("#applicant-email").sendKeys("noa+" + System.nanoTime() + "@example.org");
    browser.find("#start button[type=submit]").click();
    browser.find("#q-portfolio").sendKeys(RepoPaths.root().resolve("local/samples/portfolio.pdf").toString());
    browser.waitForText("#q-portfolio-files", "ready");
    browser.waitForText("#q-portfolio-status", "portfolio.pdf is ready.");
    browser.driver.executeScript("arguments[0].scrollIntoView()", browser.find("#q-portfolio-files"));
    browser.check("artist-7-file-uploaded");
  }

  @Test
  void aVisitorSubscribesConfirmsChangesPreferencesAndUnsubscribes() throws Exception {
    String email = "lea+" + System.nanoTime() + "@example.org";
    browser.go("/newsletter/");
    browser.find("#email").sendKeys("not an address");
    browser.find("form button[type=submit]").click();
    browser.waitForText(".error-summary", "Enter an email address");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("email");
    browser.check("newsletter-1-error");

    browser.find("#email").clear();
    browser.find("#email").sendKeys(email);
    browser.find("input[name=cities][value=lyon] + label").click();
    browser.find("form button[type=submit]").click();
    browser.waitForText("#outcome", "Check your inbox");
    browser.check("newsletter-2-subscribed");

    String confirmLink = linkInEmail(email, "/newsletter/confirm#token=");
    browser.driver.get(confirmLink);
    browser.waitForPage();
    browser.waitForText("#outcome", "Your subscription is confirmed");
    browser.check("newsletter-3-confirmed");

    browser.find("a[href^='/newsletter/preferences#token=']").click();
    browser.waitForPage();
    browser.waitForText("main", "For " + email + ".");
    assertThat(browser.find("input[name=cities][value=lyon]").isSelected()).isTrue();
    browser.find("input[name=frequency][value=monthly] + label").click();
    browser.find("form button[type=submit]").click();
    browser.waitForText("#outcome", "Preferences saved.");
    browser.check("newsletter-4-preferences");

    String unsubscribe = browser.find("a[href^='/newsletter/unsubscribe#token=']").getAttribute("href");
    String token = unsubscribe.substring(unsubscribe.indexOf("#token=") + "#token=".length());
    assertThat(preferences(token).get("frequency").asText()).isEqualTo("monthly");
    browser.find("a[href^='/newsletter/unsubscribe#token=']").click();
    browser.waitForPage();
    browser.find("main button").click();
    browser.waitForText("#outcome", "You are unsubscribed");
    browser.check("newsletter-5-unsubscribed");
    assertThat(preferences(token).get("status").asText()).isEqualTo("unsubscribed");
  }

  @Test
  void anEditorSignsInWithTheLocalIssuerAndListsTheCitysItems() {
    browser.go("/console/");
    browser.waitForText("h1", "Editors' console");
    new Select(browser.find("#role")).selectByValue("editor");
    new Select(browser.find("#city")).selectByValue("lyon");
    browser.check("console-1-sign-in");
    browser.find("#sign-in button[type=submit]").click();
    browser.waitForText("#who", "Signed in as editor-lyon@example.org (Lyon)");
    assertThat(browser.driver.executeScript("return localStorage.length")).isEqualTo(0L);
    assertThat(browser.all("table.items tbody tr")).isNotEmpty();
    browser.check("console-2-news-of-lyon");
    browser.screenshot("readme-console", 760);

    new Select(browser.find("#kind")).selectByValue("events");
    browser.find(".filters button").click();
    browser.wait.until(ExpectedConditions.urlContains("kind=events"));
    browser.waitForText("table.items caption", "Events");
    assertThat(browser.all("table.items tbody tr")).isNotEmpty();
    browser.check("console-3-events-of-lyon");

    browser.find(".console-head button").click();
    browser.waitForText("h2", "Sign in");
    assertThat(browser.driver.executeScript("return sessionStorage.length")).isEqualTo(0L);
  }

  /** The team stored for the application that an access link (…?application=ID#token=T) opens, read through the API. */
  private static JsonNode storedTeam(String accessLink) {
    Matcher link = Pattern.compile("application=([^#&]+)#token=(.+)$").matcher(accessLink);
    assertThat(link.find()).as(accessLink).isTrue();
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/applications/" + link.group(1)))
          .header("X-Application-Token", link.group(2)).build(), HttpResponse.BodyHandlers.ofString());
      return Json.MAPPER.readTree(response.body()).path("team");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> titles() {
    return browser.all(".card h3").stream().map(WebElement::getText).toList();
  }

  /** The newest link to the site in an email to that address that contains {@code marker}, waited for. */
  private static String linkInEmail(String to, String marker) throws Exception {
    Pattern link = Pattern.compile(Pattern.quote(site) + "\\S*" + Pattern.quote(marker) + "[A-Za-z0-9_.-]+");
    Instant until = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(until)) {
      for (JsonNode email : outbox().get("items")) {
        if (email.get("to").toString().contains(to)) {
          Matcher matcher = link.matcher(email.get("text").asText());
          if (matcher.find()) {
            return matcher.group();
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no email to " + to + " with a link holding " + marker);
  }

  private static JsonNode outbox() throws Exception {
    return Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(api + "/_local/outbox")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  private static JsonNode preferences(String token) throws Exception {
    return Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(api + "/newsletter/preferences"))
        .header("X-Newsletter-Token", token).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  /**
   * Whether the local S3 answers a browser's preflight for a PUT from the site to a presigned upload URL (one the
   * admin API gives for the media bucket), as the buckets' CORS rules do on AWS.
   */
  private static boolean uploadStoreAnswersBrowsers() throws Exception {
    String auth = "Bearer " + DevServerLauncher.adminToken(server);
    URI upload = URI.create(post("/admin/media", auth,
        "{\"contentType\": \"image/jpeg\", \"size\": 1000, \"fileName\": \"probe.jpg\"}").get("uploadUrl").asText());
    HttpResponse<Void> preflight = HTTP.send(HttpRequest.newBuilder(upload.resolve(upload.getRawPath()))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", site)
        .header("Access-Control-Request-Method", "PUT").header("Access-Control-Request-Headers", "content-type")
        .build(), HttpResponse.BodyHandlers.discarding());
    return preflight.statusCode() == 200 && preflight.headers().firstValue("access-control-allow-origin").isPresent();
  }

  /** A published news item of Lyon with an uploaded image, through the admin API as an editor would: its slug. */
  private static String publishNewsWithAnImage() throws Exception {
    String auth = "Bearer " + DevServerLauncher.adminToken(server);
    Path photo = RepoPaths.root().resolve("local/samples/photo.jpg");
    JsonNode upload = post("/admin/media", auth, "{\"contentType\": \"image/jpeg\", \"size\": " + Files.size(photo)
        + ", \"fileName\": \"photo.jpg\"}");
    HTTP.send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText())).header("Content-Type", "image/jpeg")
        .PUT(HttpRequest.BodyPublishers.ofFile(photo)).build(), HttpResponse.BodyHandlers.discarding());
    String media = upload.get("mediaId").asText();
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    String status = "pending";
    while (status.equals("pending") && Instant.now().isBefore(until)) {
      Thread.sleep(200);
      status = Json.MAPPER.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(api + "/admin/media/" + media))
          .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).body()).get("status").asText();
    }
    assertThat(status).isEqualTo("ready");
    JsonNode item = post("/admin/news", auth, """
        {"city": "lyon", "translations": {
          "fr": {"title": "Nuit des arts numériques", "summary": "Une nuit entière.", "body": "Venez **nombreux**."},
          "en": {"title": "Digital arts night", "summary": "A whole night."}},
         "images": [{"mediaId": "%s", "alt": {"fr": "La place illuminée", "en": "The square, lit up"}}]}"""
        .formatted(media));
    post("/admin/news/" + item.get("id").asText() + "/publish", auth, "{}");
    return item.get("slug").asText();
  }

  private static JsonNode post(String path, String auth, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + path))
        .header("Authorization", auth).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
    return Json.MAPPER.readTree(response.body());
  }

}
