package org.mediaartscities.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An editor sets a call up in the console (its form, its criteria, its jury) and an admin keeps the cities, in
 * headless Chromium against the dev server. What the pages save is read back through the API, as any client would.
 */
class CallSetupJourneyIT {

  @RegisterExtension
  static final SiteUnderTest SITE = new SiteUnderTest();
  private static final AtomicInteger CALLS = new AtomicInteger();
  private final Browser browser = SITE.browser();
  private final LocalApi api = SITE.api();

  @Test
  void anEditorBuildsTheFormWithCriteriaAndBlindReviewAppointsAJuryAndApplicantsGetThoseQuestions() throws Exception {
    String editor = api.token("editor", "lyon", null);
    JsonNode call = createCall(editor);
    String id = call.get("id").asText();
    SITE.signIn("editor", "lyon", null);
    browser.go("/console/call.html?id=" + id);
    browser.waitForText("h1", "Form and jury: Light and sound residency");
    browser.check("calls-1-empty-form");

    addQuestion("long-text");
    browser.find("#f0-label-fr").sendKeys("Note d'intention");
    browser.find("#f0-label-en").sendKeys("Statement");
    browser.find("label[for=f0-required]").click();
    browser.find("#f0-max-words").sendKeys("300");
    addQuestion("single-choice");
    browser.find("#f1-label-fr").sendKeys("Discipline");
    browser.find("#f1-label-en").sendKeys("Discipline");
    browser.find("#f1-c0-fr").sendKeys("Art sonore");
    browser.find("#f1-c0-en").sendKeys("Sound art");
    browser.find("#f1-add-choice").click();
    browser.find("#f1-c1-fr").sendKeys("Installation");
    addQuestion("file");
    browser.find("#save-form").click(); // the new question has no label yet: the API's 400 names fields[2].label.fr
    browser.waitForText("#form-builder .error-summary", "Fill this in (French)");
    assertThat(focusedId()).isEqualTo("f2-label-fr");
    browser.expectRefusals("400");
    browser.check("calls-2-error-at-its-question");
    assertThat(api.json("/admin/calls/" + id, editor).get("formVersion").isNull()).isTrue();
    browser.find("#f2-label-fr").sendKeys("Portfolio");
    browser.find("#f2-label-en").sendKeys("Portfolio");
    assertThat(browser.find("#f2-type-0").isSelected()).as("PDF, offered first").isTrue();
    browser.find("label[for=f2-type-1]").click(); // JPEG

    // Reordering by keyboard: the moved question keeps the focus, on the button that can move it back
    browser.find("#f2-up").click();
    assertThat(questionTitles()).containsExactly("Question 1: Statement", "Question 2: Portfolio",
        "Question 3: Discipline");
    assertThat(focusedId()).isEqualTo("f1-up");
    browser.driver.switchTo().activeElement().sendKeys(Keys.TAB, Keys.ENTER); // to "Down", pressed
    assertThat(questionTitles()).containsExactly("Question 1: Statement", "Question 2: Discipline",
        "Question 3: Portfolio");
    assertThat(focusedId()).isEqualTo("f2-up");

    // Removing asks first; keeping is the default answer
    addQuestion("short-text");
    browser.find("#f3-remove").click();
    browser.waitForText("dialog.confirm-step h2", "Remove Question 4 from the form?");
    assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Keep it");
    browser.find("dialog.confirm-step button.confirm").click();
    browser.wait.until(d -> browser.all("dialog").isEmpty());
    assertThat(questionTitles()).hasSize(3);
    assertThat(focusedId()).isEqualTo("add-question-type");

    browser.find("#add-criterion").click();
    assertThat(focusedId()).isEqualTo("c0-name-fr");
    browser.find("#c0-name-fr").sendKeys("Qualité artistique");
    browser.find("#c0-name-en").sendKeys("Artistic quality");
    browser.find("#c0-weight").clear();
    browser.find("#c0-weight").sendKeys("2");
    browser.find("#add-criterion").click();
    browser.find("#c1-name-fr").sendKeys("Faisabilité");
    browser.find("#c1-scale").clear();
    browser.find("#c1-scale").sendKeys("10");
    browser.find("label[for=blind-review]").click();
    new Select(browser.find("#preview-language")).selectByValue("en");
    browser.waitForText(".preview-form", "Sound art");
    browser.check("calls-3-form-built");

    browser.find("#save-form").click();
    browser.waitForText("#form-status", "Form saved at");
    browser.check("calls-4-form-saved");
    browser.phone(true);
    browser.screenshot("calls-4-form-on-a-phone", 2600);
    browser.phone(false);

    JsonNode form = api.json("/admin/calls/" + id + "/form", editor);
    assertThat(ids(form.get("fields"))).containsExactly("note-d-intention", "discipline", "portfolio");
    JsonNode statement = form.get("fields").get(0);
    assertThat(statement.get("type").asText()).isEqualTo("long-text");
    assertThat(statement.get("required").asBoolean()).isTrue();
    assertThat(statement.get("maxWords").asInt()).isEqualTo(300);
    assertThat(statement.get("label").get("en").asText()).isEqualTo("Statement");
    assertThat(form.get("fields").get(1).get("choices")).hasSize(2);
    assertThat(form.get("fields").get(1).get("choices").get(0).get("label").get("en").asText()).isEqualTo("Sound art");
    assertThat(texts(form.get("fields").get(2).get("fileTypes"))).containsExactly("application/pdf", "image/jpeg");
    assertThat(ids(form.get("criteria"))).containsExactly("qualite-artistique", "faisabilite");
    assertThat(form.get("criteria").get(0).get("weight").asDouble()).isEqualTo(2.0);
    assertThat(form.get("criteria").get(1).get("scale").asInt()).isEqualTo(10);
    assertThat(form.get("blindReview").asBoolean()).isTrue();

    browser.find("#add-reviewer").click();
    browser.find("#reviewer-0").sendKeys("ana@example.org");
    browser.find("#add-reviewer").click();
    browser.find("#reviewer-1").sendKeys("Ben.Okafor@Example.org");
    browser.find("#save-jury").click();
    browser.waitForText("#jury-status", "Jury saved: 2 member(s).");
    assertThat(browser.find("#reviewer-1").getAttribute("value")).isEqualTo("ben.okafor@example.org");
    browser.check("calls-5-jury-saved");
    assertThat(texts(api.json("/admin/calls/" + id + "/jury", editor).get("reviewers")))
        .containsExactly("ana@example.org", "ben.okafor@example.org");

    // Back to the call itself, published from its editor: the journey ends where an editor ends it
    browser.find("a[href='/console/item.html?kind=calls&id=" + id + "']").click();
    browser.waitForPage();
    browser.find("#publish-now").click();
    browser.waitForText("#item-status", "Published");
    browser.check("calls-6-call-published");
    JsonNode published = api.json("/calls/" + call.get("slug").asText() + "/form?lang=en", null);
    assertThat(ids(published.get("fields"))).containsExactly("note-d-intention", "discipline", "portfolio");
    assertThat(published.get("fields").get(0).get("label").asText()).isEqualTo("Statement");
    assertThat(published.get("fields").get(0).get("maxWords").asInt()).isEqualTo(300);
  }

  @Test
  void aBadJuryAddressIsShownAtItsInputWithTheFocusAndNothingIsStored() throws Exception {
    String editor = api.token("editor", "lyon", null);
    String id = createCall(editor).get("id").asText();
    api.send("PUT", "/admin/calls/" + id + "/jury", editor, "{\"reviewers\": [\"ana@example.org\"]}", "\"0\"");
    SITE.signIn("editor", "lyon", null);
    browser.go("/console/call.html?id=" + id);
    assertThat(browser.find("#reviewer-0").getAttribute("value")).isEqualTo("ana@example.org");

    browser.find("#add-reviewer").click(); // left blank: not sent, so the API's reviewers[1] is the next one
    browser.find("#add-reviewer").click();
    browser.find("#reviewer-2").sendKeys("ben@example");
    browser.find("#save-jury").click();
    browser.waitForText("#jury .error-summary", "“ben@example” is not an email address");
    WebElement focused = browser.driver.switchTo().activeElement();
    assertThat(focused.getAttribute("id")).isEqualTo("reviewer-2");
    assertThat(focused.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.find("#reviewer-2").findElement(org.openqa.selenium.By.xpath("ancestor::li"))
        .getText()).contains("is not an email address");
    browser.expectRefusals("400");
    browser.check("calls-6-bad-jury-address");

    JsonNode jury = api.json("/admin/calls/" + id + "/jury", editor);
    assertThat(texts(jury.get("reviewers"))).containsExactly("ana@example.org");
    assertThat(jury.get("version").asInt()).isEqualTo(1);
  }

  @Test
  void aStaleSaveSaysSomeoneElseSavedOffersToLoadTheirsAndOverwritesNothing() throws Exception {
    String editor = api.token("editor", "lyon", null);
    JsonNode call = createCall(editor);
    String id = call.get("id").asText();
    String first = """
        {"fields": [{"id": "statement", "type": "long-text", "label": {"fr": "Note", "en": "Statement"}}]}""";
    api.send("PUT", "/admin/calls/" + id + "/form", editor, first, "\"" + call.get("version").asText() + "\"");
    SITE.signIn("editor", "lyon", null);
    browser.go("/console/call.html?id=" + id);
    browser.find("#f0-label-en").clear();
    browser.find("#f0-label-en").sendKeys("My statement");

    // Another editor saves meanwhile
    String theirs = """
        {"fields": [{"id": "statement", "type": "long-text", "label": {"fr": "Note", "en": "Their statement"}}],
         "blindReview": true}""";
    api.send("PUT", "/admin/calls/" + id + "/form", editor, theirs, "\"" + (call.get("version").asInt() + 1) + "\"");

    browser.find("#save-form").click();
    browser.waitForText("#form-notice", "someone else saved it meanwhile");
    assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Load the saved version");
    browser.expectRefusals("412");
    browser.check("calls-7-stale-save");
    JsonNode stored = api.json("/admin/calls/" + id + "/form", editor);
    assertThat(stored.get("fields").get(0).get("label").get("en").asText()).isEqualTo("Their statement");
    assertThat(stored.get("version").asInt()).isEqualTo(2);

    browser.driver.switchTo().activeElement().click();
    browser.waitForText("#form-status", "The saved version is loaded.");
    assertThat(browser.find("#f0-label-en").getAttribute("value")).isEqualTo("Their statement");
    assertThat(browser.find("#blind-review").isSelected()).isTrue();
    browser.find("#f0-label-en").clear();
    browser.find("#f0-label-en").sendKeys("My statement");
    browser.find("#save-form").click();
    browser.waitForText("#form-status", "version 3");
    assertThat(api.json("/admin/calls/" + id + "/form", editor).get("fields").get(0).get("label").get("en").asText())
        .isEqualTo("My statement");
  }

  @Test
  void anAdminAddsACityAndRenamesItAndAnEditorIsToldThePageIsForAdministrators() throws Exception {
    String slug = "gotham-" + CALLS.incrementAndGet();
    SITE.signIn("admin", null, null);
    browser.find(".console-nav a[href='/console/cities.html']").click();
    browser.waitForPage();
    browser.waitForText("table.cities-table caption", "22 cities");
    browser.check("cities-1-list");

    browser.find("#add-city").click();
    assertThat(focusedId()).isEqualTo("city-form-title");
    browser.find("#city-slug").sendKeys(slug);
    browser.find("#city-name-en").sendKeys("Gotham");
    browser.find("#city-name-fr").sendKeys("Gotham-la-Ville");
    new Select(browser.find("#city-continent")).selectByValue("north-america");
    browser.find("#city-lat").sendKeys("40.7");
    browser.find("#city-lon").sendKeys("-74");
    browser.find("#city-languages").sendKeys("en, es");
    browser.find("#save-city").click();
    browser.waitForText("#city-form .error-summary", "Choose the country.");
    assertThat(focusedId()).isEqualTo("city-country");
    browser.expectRefusals("400");
    browser.check("cities-2-error-at-its-field");

    new Select(browser.find("#city-country")).selectByValue("US");
    browser.find("#city-joined").sendKeys("2024");
    browser.find("#save-city").click();
    browser.waitForText("#cities-status", "Gotham is added.");
    browser.waitForText("table.cities-table caption", "23 cities");
    JsonNode added = api.json("/cities/" + slug, null);
    assertThat(added.get("names").get("fr").asText()).isEqualTo("Gotham-la-Ville");
    assertThat(added.get("country").asText()).isEqualTo("US");
    assertThat(texts(added.get("languages"))).containsExactly("en", "es");
    assertThat(added.get("joinedYear").asInt()).isEqualTo(2024);

    browser.find("#edit-" + slug).click();
    browser.waitForText("#city-form-title", "Edit Gotham");
    browser.find("#city-name-en").clear();
    browser.find("#city-name-en").sendKeys("Gotham City");
    browser.check("cities-3-editing");
    browser.find("#save-city").click();
    browser.waitForText("#cities-status", "Gotham City is saved.");
    assertThat(focusedId()).isEqualTo("edit-" + slug);
    JsonNode renamed = api.json("/cities/" + slug, null);
    assertThat(renamed.get("names").get("en").asText()).isEqualTo("Gotham City");
    assertThat(renamed.get("names").get("fr").asText()).isEqualTo("Gotham-la-Ville");
    assertThat(renamed.get("coordinates").get("lat").asDouble()).isEqualTo(40.7);
    browser.check("cities-4-renamed");
    browser.phone(true);
    browser.find("#edit-" + slug).click();
    browser.screenshot("cities-4-editing-on-a-phone", 2000);
    browser.find("#city-form button.secondary").click();
    browser.phone(false);

    browser.find(".console-head button").click();
    SITE.signIn("editor", "lyon", null);
    assertThat(browser.all(".console-nav a[href='/console/cities.html']")).isEmpty();
    browser.go("/console/cities.html");
    browser.waitForText("#admins-only", "This page is for administrators of the network.");
    assertThat(browser.all("#add-city")).isEmpty();
    browser.check("cities-5-editor-refused");
  }

  private void addQuestion(String type) {
    new Select(browser.find("#add-question-type")).selectByValue(type);
    browser.find("#add-question").click();
  }

  private List<String> questionTitles() {
    return browser.all(".form-section .card-editor h4").stream().map(WebElement::getText)
        .filter(title -> title.startsWith("Question")).toList();
  }

  private String focusedId() {
    String id = browser.driver.switchTo().activeElement().getAttribute("id");
    return id == null || id.isEmpty() ? null : id;
  }

  private static List<String> ids(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(node -> node.get("id").asText()).toList();
  }

  private static List<String> texts(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
  }

  /** A draft call of Lyon, open now, in French first and English, as an editor creates one through the API. */
  private JsonNode createCall(String editor) {
    int n = CALLS.incrementAndGet();
    return api.send("POST", "/admin/calls", editor, """
        {"city": "lyon", "originalLanguage": "fr", "timeZone": "Europe/Paris",
         "opensAt": "2026-11-01T09:00:00+01:00", "closesAt": "2027-06-30T23:59:00+02:00",
         "translations": {"fr": {"title": "Résidence lumière et son %d"},
                          "en": {"title": "Light and sound residency %d"}}}""".formatted(n, n), null);
  }
}
