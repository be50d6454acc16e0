package org.mediaartscities.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.server.DevServerLauncher;
import org.mediaartscities.shared.json.Json;
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

  @RegisterExtension
  static final SiteUnderTest SITE = new SiteUnderTest();
  private static final String CALL = "city-to-city-residency-open-call";
  private final Browser browser = SITE.browser();
  private final LocalApi api = SITE.api();

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
    assertThat(browser.all(".card .meta")).isNotEmpty()
        .allSatisfy(meta -> assertThat(meta.getText()).startsWith("Lyon"));
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
  void anArtistAppliesFromAPhoneWithAFileVerifiesTheAddressResumesElsewhereAndSubmits() throws Exception {
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
    String codeLink = api.linkIn(email, "#code=");
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
    browser.find("#q-portfolio").sendKeys(RepoPaths.root().resolve("local/samples/portfolio.pdf").toString());
    browser.waitForText("#q-portfolio-status", "portfolio.pdf is ready.");

    // Another device: no storage, the link given at creation
    browser.driver.executeScript("localStorage.clear()");
    browser.driver.get(accessLink);
    browser.waitForPage();
    assertThat(browser.find("#q-statement").getAttribute("value")).startsWith("Une installation lumineuse qui relie");
    assertThat(browser.find("#q-country").getAttribute("value")).isEqualTo("JP");
    assertThat(browser.find("#team-0-name").getAttribute("value")).isEqualTo("Kenji Mori");
    assertThat(browser.find("#q-portfolio-files").getText()).contains("portfolio.pdf");
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("token=");
    browser.check("artist-5-resumed-on-another-device");
    browser.screenshot("readme-apply-on-a-phone", 1400);

    browser.find("label[for=q-consent]").click();
    browser.find("form#questions button[type=submit]").click();
    browser.waitForText("#receipt-title", "Application submitted");
    String number = browser.find(".receipt-number").getText();
    assertThat(number).matches("Receipt number: [A-Z]{3}-\\d{4}-\\d{4}");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("receipt-title");
    assertThat(browser.all("#your-data")).as("one section, the submitted application's").hasSize(1);
    assertThat(browser.all("#withdraw-application")).hasSize(1);
    assertThat(browser.all("#erase-application")).as("a submitted application is withdrawn first").isEmpty();
    browser.check("artist-6-receipt");
    assertThat(api.outbox().findValues("subject").stream().map(JsonNode::asText))
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
  void anArtistDownloadsTheirDataThenDeletesTheirDraftWithItsFile() throws Exception {
    browser.phone(true);
    browser.go("/calls/" + CALL + "/apply");
    browser.find("#applicant-name").sendKeys("Lina Haddad");
    browser.find("#applicant-email").sendKeys("lina+" + System.nanoTime() + "@example.org");
    browser.find("#start button[type=submit]").click();
    browser.waitForText("#verification h2", "Confirm your email address");
    String accessLink = browser.find("#access-link").getAttribute("href");
    browser.find("#q-portfolio").sendKeys(RepoPaths.root().resolve("local/samples/portfolio.pdf").toString());
    browser.waitForText("#q-portfolio-status", "portfolio.pdf is ready.");
    assertThat(application(accessLink).status()).isEqualTo(200);

    browser.driver.executeScript("arguments[0].scrollIntoView()", browser.find("#your-data"));
    browser.find("#download-data").click();
    browser.waitForText("#your-data-status", "Your data has been downloaded.");

    browser.find("#erase-application").click();
    browser.waitForText("dialog.confirm-step h2", "Delete your application and its files?");
    assertThat(browser.driver.switchTo().activeElement().getText()).as("the safe answer first").isEqualTo("Keep it");
    browser.check("artist-8-delete-asks-first");
    browser.find("dialog.confirm-step button.secondary").click();
    assertThat(application(accessLink).status()).as("kept").isEqualTo(200);

    browser.find("#erase-application").click();
    browser.find("dialog.confirm-step button.confirm").click();
    browser.waitForText("#erased", "Your application and its files have been deleted.");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("erased");
    assertThat(browser.all("#questions, #verification, #your-data")).isEmpty();
    browser.check("artist-9-deleted");
    assertThat(application(accessLink).status()).as("erased").isEqualTo(404);
    assertThat(browser.driver.executeScript("return Object.keys(localStorage).filter(k => k.startsWith("
        + "'application-')).length")).isEqualTo(0L);
  }

  @Test
  void anArtistWhoLostTheLinkAsksForItByAddressAndOpensTheApplicationFromTheEmail() throws Exception {
    browser.phone(true);
    String email = "omar+" + System.nanoTime() + "@example.org";
    browser.go("/calls/" + CALL + "/apply");
    browser.find("#applicant-name").sendKeys("Omar Diallo");
    browser.find("#applicant-email").sendKeys(email);
    browser.find("#start button[type=submit]").click();
    browser.waitForText("#verification h2", "Confirm your email address");

    // Another device, with nothing stored: the start of a new application, and the way back to this one
    browser.driver.executeScript("localStorage.clear()");
    browser.go("/calls/" + CALL + "/apply");
    browser.find("#lost-link summary").click();
    browser.find("#links-email").sendKeys(email);
    browser.find("#links button[type=submit]").click();
    browser.waitForText("#links-status", "a link is on its way");
    browser.check("artist-10-link-asked-for");

    browser.driver.get(api.linkIn(email, "#token="));
    browser.waitForPage();
    browser.waitForText("#verification h2", "Confirm your email address");
    assertThat(browser.all("#start, #lost-link")).isEmpty();
    assertThat(browser.driver.getCurrentUrl()).doesNotContain("token=");
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

    String confirmLink = api.linkIn(email, "/newsletter/confirm#token=");
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

  /** The team stored for the application an access link (…?application=ID#token=T) opens, read through the API. */
  private JsonNode storedTeam(String accessLink) {
    return application(accessLink).json().path("team");
  }

  /** The API's answer for the application an access link opens. */
  private LocalApi.Response application(String accessLink) {
    Matcher link = Pattern.compile("application=([^#&]+)#token=(.+)$").matcher(accessLink);
    assertThat(link.find()).as(accessLink).isTrue();
    return api.request("GET", "/applications/" + link.group(1), null, Map.of("X-Application-Token", link.group(2)),
        null);
  }

  private List<String> titles() {
    return browser.all(".card h3").stream().map(WebElement::getText).toList();
  }

  private JsonNode preferences(String token) {
    return api.request("GET", "/newsletter/preferences", null, Map.of("X-Newsletter-Token", token), null).json();
  }

  /**
   * Whether the local S3 answers a browser's preflight for a PUT from the site to a presigned upload URL (one the
   * admin API gives for the media bucket), as the buckets' CORS rules do on AWS.
   */
  private boolean uploadStoreAnswersBrowsers() {
    URI upload = URI.create(api.post("/admin/media", DevServerLauncher.adminToken(SITE.server()),
        "{\"contentType\": \"image/jpeg\", \"size\": 1000, \"fileName\": \"probe.jpg\"}").get("uploadUrl").asText());
    LocalApi.Response preflight = api.exchange(HttpRequest.newBuilder(upload.resolve(upload.getRawPath()))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", SITE.siteBase())
        .header("Access-Control-Request-Method", "PUT").header("Access-Control-Request-Headers", "content-type"));
    return preflight.status() == 200 && preflight.headers().firstValue("access-control-allow-origin").isPresent();
  }

  /** A published news item of Lyon with an uploaded image, through the admin API as an editor would: its slug. */
  private String publishNewsWithAnImage() throws Exception {
    String admin = DevServerLauncher.adminToken(SITE.server());
    Path photo = RepoPaths.root().resolve("local/samples/photo.jpg");
    JsonNode upload = api.post("/admin/media", admin, "{\"contentType\": \"image/jpeg\", \"size\": "
        + Files.size(photo) + ", \"fileName\": \"photo.jpg\"}");
    api.upload(upload.get("uploadUrl").asText(), "image/jpeg", photo);
    String media = "/admin/media/" + upload.get("mediaId").asText();
    // The media function checks and re-encodes the upload after it lands: pending until then.
    browser.wait.until(d -> !api.json(media, admin).get("status").asText().equals("pending"));
    assertThat(api.json(media, admin).get("status").asText()).isEqualTo("ready");
    JsonNode item = api.post("/admin/news", admin, """
        {"city": "lyon", "translations": {
          "fr": {"title": "Nuit des arts numériques", "summary": "Une nuit entière.", "body": "Venez **nombreux**."},
          "en": {"title": "Digital arts night", "summary": "A whole night."}},
         "images": [{"mediaId": "%s", "alt": {"fr": "La place illuminée", "en": "The square, lit up"}}]}"""
        .formatted(upload.get("mediaId").asText()));
    api.post("/admin/news/" + item.get("id").asText() + "/publish", admin, "{}");
    return item.get("slug").asText();
  }
}
