package org.mediaartscities.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The item editor of the console (/console/item.html) in headless Chromium against the dev server: an editor of
 * Lyon writes, illustrates, previews, schedules, publishes and unpublishes; a refused save and another city's item
 * are said plainly. What the page did is checked in the store, through the API, as any client would read it.
 */
class PublishingJourneyIT {

  @RegisterExtension
  static final SiteUnderTest SITE = new SiteUnderTest();
  private final Browser browser = SITE.browser();
  private final LocalApi api = SITE.api();

  @Test
  void anEditorWritesANewsItemInTwoLanguagesWithAnImagePreviewsItAndPublishes() throws Exception {
    SITE.signIn("editor", "lyon", null);
    browser.go("/console/item.html?kind=news");
    browser.waitForText("main h1", "New item in News");
    browser.check("publishing-1-new-news-item");

    browser.find("#t-en-title").sendKeys("Lights over the Saône");
    browser.find("#t-en-summary").sendKeys("A night of light and sound on the river.");
    browser.find("#t-en-body")
        .sendKeys("An evening of **light** and sound.\n\nSee [the programme](https://example.org).");
    browser.find("#tab-fr").click();
    browser.find("#t-fr-title").sendKeys("Lumières sur la Saône");
    browser.find("#t-fr-summary").sendKeys("Une nuit de lumière et de son sur la rivière.");
    browser.find("#t-fr-body").sendKeys("Une soirée de **lumière** et de son.");
    browser.find("#t-fr-body-show").click();
    browser.waitForText("#t-fr-body-preview", "Une soirée de");
    assertThat(browser.find("#t-fr-body-preview strong").getText()).isEqualTo("lumière");
    assertThat(browser.find("#completeness").getText()).contains("English: complete").contains("French: complete")
        .contains("Hebrew: Not translated yet: readers in Hebrew see the English text.");

    browser.find("#image-file").sendKeys(picture().toString());
    browser.waitForText("#images-status", "is ready");
    assertThat(browser.find("#completeness").getText()).contains("English: missing image descriptions (1)");
    browser.find("#img-0-alt-en").sendKeys("Boats lit in blue under a bridge");
    browser.find("#img-0-alt-fr").sendKeys("Des bateaux éclairés en bleu sous un pont");
    assertThat(browser.find("#completeness").getText()).contains("English: complete").contains("French: complete");
    browser.check("publishing-2-draft-with-image-and-preview");

    browser.find("#save").click();
    browser.wait.until(ExpectedConditions.urlContains("&id="));
    browser.waitForText("#save-status", "Saved at");
    String id = browser.driver.getCurrentUrl().replaceFirst(".*&id=", "");
    browser.driver.navigate().refresh(); // the address is the item's now: a reload opens it
    browser.waitForPage();
    browser.waitForText("main h1", "Lights over the Saône");
    browser.find("#publish-now").click();
    browser.waitForText("#publish-status", "Published");
    browser.waitForText("#history", "Published");
    browser.check("publishing-3-published");

    String slug = api.stored("news", id, api.token("editor", "lyon", null)).get("slug").asText();
    JsonNode published = api.json("/news/" + slug + "?lang=fr", null);
    assertThat(published.get("title").asText()).isEqualTo("Lumières sur la Saône");
    assertThat(published.get("bodyHtml").asText()).contains("<strong>lumière</strong>");
    assertThat(published.get("images")).hasSize(1);
    assertThat(published.get("images").get(0).get("alt").asText())
        .isEqualTo("Des bateaux éclairés en bleu sous un pont");
    assertThat(published.get("images").get(0).get("renditions")).isNotEmpty();

    browser.go("/news/" + slug + "?lang=fr");
    browser.waitForText("h1", "Lumières sur la Saône");
    WebElement image = browser.find("figure img");
    assertThat(image.getAttribute("alt")).isEqualTo("Des bateaux éclairés en bleu sous un pont");
    browser.wait.until(d -> (Boolean) browser.driver.executeScript("return arguments[0].complete && "
        + "arguments[0].naturalWidth > 0", image));
    assertThat(browser.find(".body strong").getText()).isEqualTo("lumière");
    browser.check("publishing-4-public-page");
  }

  @Test
  void anEditorSchedulesOneItemUnpublishesAnotherAndTheHistorySaysSo() throws Exception {
    String token = api.token("editor", "lyon", null);
    String later = create("news", token, "{\"translations\": {\"en\": {\"title\": \"Winter residencies announced\"}}}");
    String live = create("news", token, "{\"translations\": {\"en\": {\"title\": \"Summer workshop report\"}}}");
    api.post("/admin/news/" + live + "/publish", token, "{}");
    String liveSlug = api.stored("news", live, token).get("slug").asText();
    assertThat(api.get("/news/" + liveSlug, null).status()).isEqualTo(200);
    browser.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
    try {
      SITE.signIn("editor", "lyon", null);
      browser.go("/console/item.html?kind=news&id=" + later);
      browser.waitForText("main h1", "Winter residencies announced");
      browser.driver.executeScript("arguments[0].value = '2031-01-15T09:30'", browser.find("#publish-at"));
      browser.find("#schedule button[type=submit]").click();
      browser.waitForText("#item-status", "Scheduled");
      browser.waitForText("#history", "Scheduled");
      assertThat(browser.find("#history").getText()).contains("Created").contains("by you");
      browser.check("publishing-5-scheduled");
    } finally {
      browser.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
    }
    JsonNode scheduled = api.stored("news", later, token);
    assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
    // 09:30 on the editor's clock in Tokyo (UTC+9)
    assertThat(Instant.parse(scheduled.get("publishedAt").asText())).isEqualTo(Instant.parse("2031-01-15T00:30:00Z"));

    browser.go("/console/item.html?kind=news&id=" + live);
    browser.waitForText("#item-status", "Published");
    browser.find("#unpublish").click();
    browser.waitForText("#item-status", "Unpublished");
    browser.waitForText("#history", "Unpublished");
    assertThat(browser.find("#history").getText()).contains("Published").contains("Created");
    browser.check("publishing-6-unpublished-with-history");
    assertThat(api.stored("news", live, token).get("status").asText()).isEqualTo("unpublished");
    assertThat(api.get("/news/" + liveSlug, null).status()).isEqualTo(404);

    browser.find("#delete").click();
    browser.waitForText("dialog.confirm-step", "This cannot be undone");
    browser.check("publishing-7-delete-confirmation");
    browser.find("dialog.confirm-step button.secondary").click();
    assertThat(api.stored("news", live, token).get("status").asText()).isEqualTo("unpublished");
    browser.find("#delete").click();
    browser.find("dialog.confirm-step button.confirm").click();
    browser.wait.until(ExpectedConditions.urlContains("/console/?kind=news"));
    assertThat(api.get("/admin/news/" + live, token).status()).isEqualTo(404);
  }

  @Test
  void aRefusedSaveIsSaidAtItsFieldWithTheFocusThereAndNothingIsStored() throws Exception {
    String token = api.token("editor", "lyon", null);
    String taken = create("news", token, "{\"translations\": {\"en\": {\"title\": \"Open studios\"}}}");
    String takenSlug = api.stored("news", taken, token).get("slug").asText();
    String id = create("news", token, "{\"translations\": {\"en\": {\"title\": \"Open archives\"}}}");
    JsonNode before = api.stored("news", id, token);
    SITE.signIn("editor", "lyon", null);
    browser.go("/console/item.html?kind=news&id=" + id);
    browser.waitForText("main h1", "Open archives");

    browser.find("#f-slug").clear();
    browser.find("#f-slug").sendKeys(takenSlug);
    browser.find("#save").click();
    browser.waitForText(".error-summary", "already used");
    WebElement focused = browser.driver.switchTo().activeElement();
    assertThat(focused.getAttribute("id")).isEqualTo("f-slug");
    assertThat(focused.getAttribute("aria-invalid")).isEqualTo("true");
    browser.expectRefusals("409 (Conflict)");
    browser.check("publishing-8-slug-taken");

    browser.find("#f-slug").clear();
    browser.find("#t-en-title").clear();
    browser.find("#save").click();
    browser.waitForText(".error-summary", "Give the item a title");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("t-en-title");
    JsonNode after = api.stored("news", id, token);
    assertThat(after.get("version")).isEqualTo(before.get("version"));
    assertThat(after.get("slug")).isEqualTo(before.get("slug"));
    assertThat(after.get("translations")).isEqualTo(before.get("translations"));

    // Someone else saves meanwhile: the page says so and offers the saved version, rather than overwriting it.
    api.send("PUT", "/admin/news/" + id, token, "{\"translations\": {\"en\": {\"title\": \"Open archives, revised\"}}}",
        "\"" + before.get("version").asLong() + "\"");
    browser.find("#t-en-title").sendKeys("Open archives of the city");
    browser.find("#save").click();
    browser.waitForText("#stale", "Someone else saved this item");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("stale");
    browser.expectRefusals("412 (Precondition Failed)");
    browser.check("publishing-9-someone-else-saved");
    assertThat(api.stored("news", id, token).at("/translations/en/title").asText()).isEqualTo("Open archives, revised");
    browser.find("#stale button").click();
    browser.waitForPage();
    browser.waitForText("main h1", "Open archives, revised");
  }

  @Test
  void anEditorOfLyonOpeningAnotherCitysItemIsToldPlainlyItIsNotTheirs() throws Exception {
    String id = create("events", api.token("editor", "linz", null), """
        {"translations": {"en": {"title": "Ars Electronica preview"}}, "startsAt": "2031-09-04T18:00:00+02:00",
         "endsAt": "2031-09-04T22:00:00+02:00", "timeZone": "Europe/Vienna", "attendanceMode": "offline",
         "venue": {"name": "Post City"}}""");
    SITE.signIn("editor", "lyon", null);
    browser.go("/console/item.html?kind=events&id=" + id);
    browser.waitForText("#refusal", "This item is not yours");
    assertThat(browser.find("#refusal").getText()).contains("Lyon");
    assertThat(browser.all("#item-form")).isEmpty();
    assertThat(browser.find("main a[href='/console/?kind=events']").getText()).isEqualTo("Back to the list of items");
    browser.expectRefusals("403 (Forbidden)");
    browser.check("publishing-10-not-yours");
  }

  @Test
  void anEditorCreatesACallDraftFindsTheLinkToItsFormAndJuryAndPublishesIt() throws Exception {
    SITE.signIn("editor", "lyon", null);
    browser.go("/console/item.html?kind=calls");
    browser.waitForText("main h1", "New item in Calls");
    browser.find("#t-en-title").sendKeys("Light and data residency 2031");
    browser.find("#t-en-summary").sendKeys("Six weeks in Lyon for an artist working with light.");
    browser.find("#t-en-eligibility").sendKeys("Artists living in a city of the network.");
    browser.find("#t-en-award").sendKeys("A fee of 6,000 euros, travel and a studio.");
    new Select(browser.find("#f-timeZone")).selectByValue("Europe/Paris");
    browser.driver.executeScript("arguments[0].value = '2026-01-05T09:00'", browser.find("#f-opensAt"));
    browser.driver.executeScript("arguments[0].value = '2031-03-01T18:00'", browser.find("#f-closesAt"));
    browser.find("#f-contact-email").sendKeys("residency@example.org");
    assertThat(browser.find("#publish-later").getText()).contains("application form and jury");
    browser.check("publishing-11-new-call");

    browser.find("#save").click();
    browser.wait.until(ExpectedConditions.urlContains("&id="));
    browser.waitForText("#save-status", "Saved at");
    String id = browser.driver.getCurrentUrl().replaceFirst(".*&id=", "");
    assertThat(browser.find("#form-and-jury").getAttribute("href")).endsWith("/console/call.html?id=" + id);
    browser.check("publishing-12-call-draft");

    JsonNode call = api.stored("calls", id, api.token("editor", "lyon", null));
    assertThat(call.get("closesAt").asText()).isEqualTo("2031-03-01T18:00:00+01:00");
    assertThat(call.get("timeZone").asText()).isEqualTo("Europe/Paris");
    assertThat(call.at("/translations/en/eligibility").asText()).isEqualTo("Artists living in a city of the network.");
    browser.find("#publish-now").click();
    browser.waitForText("#item-status", "Published");
    JsonNode published = api.json("/calls/" + call.get("slug").asText(), null);
    assertThat(published.get("status").asText()).isEqualTo("open");
    assertThat(published.get("award").asText()).isEqualTo("A fee of 6,000 euros, travel and a studio.");

    browser.phone(true);
    browser.driver.navigate().refresh();
    browser.waitForPage();
    browser.waitForText("#item-status", "Published");
    browser.check("publishing-13-call-on-a-phone");
  }

  @Test
  void anEventIsTimedOnItsOwnClocksAndNeedsAVenueWhenItTakesPlaceOnSite() throws Exception {
    SITE.signIn("editor", "lyon", null);
    browser.go("/console/item.html?kind=events");
    browser.waitForText("main h1", "New item in Events");
    browser.find("#t-en-title").sendKeys("Mapping night in Toronto");
    new Select(browser.find("#f-timeZone")).selectByValue("America/Toronto");
    browser.driver.executeScript("arguments[0].value = '2031-05-10T19:00'", browser.find("#f-startsAt"));
    browser.driver.executeScript("arguments[0].value = '2031-05-10T23:30'", browser.find("#f-endsAt"));
    new Select(browser.find("#f-attendanceMode")).selectByValue("offline");
    browser.find("#save").click();
    browser.waitForText(".error-summary", "Enter the venue");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-venue-name");
    browser.check("publishing-14-event-needs-a-venue");

    browser.find("#f-venue-name").sendKeys("Harbourfront Centre");
    browser.find("#save").click();
    browser.wait.until(ExpectedConditions.urlContains("&id="));
    browser.waitForText("#save-status", "Saved at");
    String id = browser.driver.getCurrentUrl().replaceFirst(".*&id=", "");
    JsonNode event = api.stored("events", id, api.token("editor", "lyon", null));
    assertThat(event.get("startsAt").asText()).isEqualTo("2031-05-10T19:00:00-04:00");
    assertThat(event.get("endsAt").asText()).isEqualTo("2031-05-10T23:30:00-04:00");
    assertThat(event.at("/venue/name").asText()).isEqualTo("Harbourfront Centre");

    browser.go("/console/item.html?kind=projects");
    browser.waitForText("main h1", "New item in Projects");
    browser.find("#artists-add").click();
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-artists-0-name");
    browser.check("publishing-15-new-project");
  }

  /** A small PNG drawn here: a real image for the media function to check and re-encode. */
  private static Path picture() throws Exception {
    var image = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(new Color(0x0b4f8a));
    graphics.fillRect(0, 0, 900, 600);
    graphics.setColor(new Color(0xf2c14e));
    graphics.fillOval(300, 150, 300, 300);
    graphics.dispose();
    Path file = Files.createTempFile("boats-", ".png");
    ImageIO.write(image, "png", file.toFile());
    file.toFile().deleteOnExit();
    return file;
  }

  private String create(String kind, String token, String body) {
    return api.post("/admin/" + kind, token, body).get("id").asText();
  }
}
