package org.mediaartscities.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mediaartscities.local.RepoPaths;
import org.openqa.selenium.By;

/**
 * The jury's console and the editors' decisions in headless Chromium against {@code ./dev run}: a juror scores and
 * steps back, a reviewer the jury does not name is refused, the editor of the call's city decides, sends and exports.
 * Each journey gets its own call, made through the API as an API user would (an editor of Lyon builds it with two
 * criteria and a jury naming juror-one, two artists apply, verify and submit); what the pages do is checked in the
 * store through the API.
 */
class JuryJourneyIT {

  @RegisterExtension
  static final SiteUnderTest SITE = new SiteUnderTest();
  private static final String JUROR = "juror-one@example.org";
  private static final AtomicInteger CALLS = new AtomicInteger();
  private final Browser browser = SITE.browser();
  private final LocalApi api = SITE.api();
  private final String editor = api.token("editor", "lyon", null);

  /** A call made for one journey, and its two submitted applications in submission order. */
  private record Call(String id, String slug, String title, Applicant first, Applicant second) {}

  private record Applicant(String id, String token, String name, String email) {}

  @Test
  void aJurorOpensTheirJuryPagesToAnApplicationAndScoresBothCriteria() throws Exception {
    Call call = newCall();
    SITE.signIn("reviewer", null, JUROR);
    browser.go("/console/jury.html");
    browser.waitForText("h1", "Your juries");
    browser.waitForText("table.jury-calls", call.title());
    assertThat(browser.find("table.jury-calls").getText()).contains("Blind review");
    browser.check("jury-1-calls");

    browser.driver.findElement(By.linkText(call.title())).click();
    browser.waitForPage();
    browser.waitForText("h1", "Applications: " + call.title());
    assertThat(browser.all("table.applications tbody tr")).hasSize(2);
    assertThat(browser.find("#blind").getText()).isEqualTo("Blind review: the applicant's name is hidden.");
    assertThat(browser.find("main").getText()).doesNotContain(call.first().name()).doesNotContain(call.second().name());
    browser.check("jury-2-applications");

    browser.go("/console/applications.html?call=" + call.id() + "&limit=1");
    assertThat(browser.all("table.applications tbody tr")).hasSize(1);
    browser.find("a[rel=next]").click();
    browser.waitForPage();
    assertThat(browser.all("table.applications tbody tr")).hasSize(1);
    browser.check("jury-3-applications-page-2");

    browser.phone(true);
    browser.find("table.applications tbody a").click();
    browser.waitForPage();
    browser.waitForText("h1", "Application ");
    assertThat(browser.driver.getCurrentUrl()).contains("id=" + call.second().id());
    assertThat(browser.find("#blind").isDisplayed()).isTrue();
    assertThat(browser.find(".answers").getText()).contains("Your project").contains("capteurs de lumière");
    assertThat(browser.find("#files a").getText()).isEqualTo("portfolio-1.pdf"); // blind: named after its question
    assertThat(browser.find("main").getText()).doesNotContain(call.second().name());

    browser.find("#review button[type=submit]").click();
    browser.waitForText(".error-summary", "Quality: choose a score from 1 to 5.");
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("score-quality-1");
    browser.check("jury-4-review-errors-phone");

    browser.find("label[for=score-quality-4]").click();
    browser.find("label[for=score-feasibility-3]").click();
    browser.find("#review-comment").sendKeys("Fort et faisable.");
    browser.find("#review button[type=submit]").click();
    browser.waitForText("#review-status", "Review saved at");
    browser.check("jury-5-reviewed-phone");

    JsonNode stored = asEditor("/admin/applications/" + call.second().id());
    assertThat(stored.get("reviews")).hasSize(1);
    JsonNode review = stored.get("reviews").get(0);
    assertThat(review.get("email").asText()).isEqualTo(JUROR);
    assertThat(review.get("scores").get("quality").asInt()).isEqualTo(4);
    assertThat(review.get("scores").get("feasibility").asInt()).isEqualTo(3);
    assertThat(review.get("comment").asText()).isEqualTo("Fort et faisable.");
    assertThat(asEditor("/admin/applications/" + call.first().id()).get("reviews")).isEmpty();
  }

  @Test
  void aJurorStepsBackFromAnApplicationAfterConfirmingAndNoLongerSeesIt() throws Exception {
    Call call = newCall();
    SITE.signIn("reviewer", null, JUROR);
    browser.go("/console/application.html?id=" + call.first().id());
    browser.waitForText("h1", "Application ");
    browser.find("#recusal button[type=submit]").click();
    browser.waitForText(".error-summary", "Say why you step back.");
    browser.find("#recusal-reason").sendKeys("I taught this applicant last year.");
    browser.find("#recusal button[type=submit]").click();
    browser.find("dialog.confirm-step");
    browser.check("jury-6-recusal-confirmation");
    browser.find("dialog.confirm-step button.confirm").click();
    browser.waitForText("#recused", "You stepped back from this application.");
    browser.check("jury-7-recused");

    JsonNode stored = asEditor("/admin/applications/" + call.first().id());
    assertThat(stored.get("recusals")).hasSize(1);
    assertThat(stored.get("recusals").get(0).get("email").asText()).isEqualTo(JUROR);
    assertThat(stored.get("recusals").get(0).get("reason").asText()).isEqualTo("I taught this applicant last year.");
    assertThat(asEditor("/admin/applications/" + call.second().id()).get("recusals")).isEmpty();

    browser.go("/console/applications.html?call=" + call.id());
    assertThat(browser.find("table.applications tbody").getText()).contains("You stepped back");
    browser.check("jury-8-list-after-recusal");
    browser.go("/console/application.html?id=" + call.first().id());
    browser.waitForText("#refused", "You stepped back from this application");
    browser.expectRefusals("403");
    browser.check("jury-9-recused-application-refused");
  }

  @Test
  void aReviewerTheJuryDoesNotNameIsRefusedPlainlyAndNothingChanges() throws Exception {
    Call call = newCall();
    String before = asEditor("/admin/calls/" + call.id() + "/applications").toString()
        + asEditor("/admin/applications/" + call.first().id());
    SITE.signIn("reviewer", null, "other@example.org");
    browser.go("/console/jury.html");
    browser.waitForText("main", "No call's jury names your address (other@example.org) yet.");
    browser.check("jury-10-no-jury");

    browser.go("/console/applications.html?call=" + call.id());
    browser.waitForText("#refused", "This call's jury does not name you");
    assertThat(browser.all("table.applications")).isEmpty();
    browser.expectRefusals("403");
    browser.check("jury-11-call-refused");

    browser.go("/console/application.html?id=" + call.first().id());
    browser.waitForText("#refused", "This call's jury does not name you");
    assertThat(browser.all("#review, #recusal")).isEmpty();
    browser.expectRefusals("403");
    browser.check("jury-12-application-refused");

    String after = asEditor("/admin/calls/" + call.id() + "/applications").toString()
        + asEditor("/admin/applications/" + call.first().id());
    assertThat(after).isEqualTo(before);
  }

  @Test
  void theEditorSeesTheScoresDecidesAndSendsTheDecisions() throws Exception {
    Call call = newCall();
    api.send("PUT", "/admin/applications/" + call.first().id() + "/review", api.token("reviewer", null, JUROR),
        "{\"scores\": {\"quality\": 5, \"feasibility\": 5}, \"comment\": \"Remarquable.\"}", null);
    SITE.signIn("editor", "lyon", null);
    browser.go("/console/applications.html?call=" + call.id());
    browser.waitForText("h1", "Applications: " + call.title());
    String firstRow = browser.find("table.applications tbody tr").getText();
    assertThat(firstRow).contains(call.first().name()).contains("100%");
    assertThat(browser.find("#outbox").getText()).contains("No decision is waiting to be sent.");
    browser.check("editor-1-applications-with-scores");

    decide(call.first(), "accept");
    assertThat(browser.find("#mean-score").getText()).isEqualTo("Score: 100%, from 1 review(s).");
    assertThat(browser.find("table.reviews").getText()).contains(JUROR).contains("5 / 5").contains("Remarquable.");
    browser.check("editor-2-accepted");
    decide(call.second(), "reject");

    browser.go("/console/applications.html?call=" + call.id());
    browser.waitForText("#outbox", "2 decision(s) waiting to be sent.");
    assertThat(browser.find("#outbox table").getText()).contains("Accepted").contains("Not selected");
    browser.check("editor-3-outbox");
    browser.find("#send-decisions").click();
    browser.waitForText("dialog.confirm-step", "Send 2 decision email(s)?");
    browser.check("editor-4-send-confirmation");
    browser.find("dialog.confirm-step button.confirm").click();
    browser.waitForText("#outbox-status", "2 email(s) sent.");
    browser.waitForText("#applications-list", "told on");
    browser.check("editor-5-sent");

    assertThat(status(call.first())).isEqualTo("accepted");
    assertThat(status(call.second())).isEqualTo("rejected");
    List<String> decisionMails = new ArrayList<>();
    for (JsonNode email : api.outbox().get("items")) {
      String to = email.get("to").toString();
      if ((to.contains(call.first().email()) || to.contains(call.second().email()))
          && !email.get("text").asText().contains("#code=") && !email.get("subject").asText().contains("receipt")) {
        decisionMails.add(to);
      }
    }
    assertThat(decisionMails).anyMatch(to -> to.contains(call.first().email()))
        .anyMatch(to -> to.contains(call.second().email()));
  }

  @Test
  void theEditorDownloadsTheCsvAndPreparesTheZipUntilItIsReady(@TempDir Path downloads) throws Exception {
    Call call = newCall();
    browser.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
        "downloadPath", downloads.toString()));
    SITE.signIn("editor", "lyon", null);
    browser.go("/console/applications.html?call=" + call.id());
    browser.find("#export-csv").click();
    browser.waitForText("#csv-status", "is downloaded");
    Path csv = downloads.resolve(call.slug() + "-applications.csv");
    browser.wait.until(d -> Files.isRegularFile(csv));
    List<List<String>> rows = parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
    assertThat(rows.getFirst().getFirst()).isEqualTo("\uFEFFReference"); // UTF-8 with a BOM, for spreadsheets
    assertThat(rows.getFirst()).containsSubsequence("Status", "Submitted at", "Name", "Email", "Your project",
        "Portfolio", "Quality", "Feasibility", "Score", "Reviews", "Recusals");
    int name = rows.getFirst().indexOf("Name");
    assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(name))
        .containsExactly(call.first().name(), call.second().name());

    browser.find("#export-zip").click();
    browser.find("#zip-download");
    assertThat(browser.find("#zip-status").getText()).startsWith("The ZIP is ready: 2 application(s), 1 file(s)");
    browser.check("editor-6-exports");
    String zipUrl = browser.find("#zip-download").getAttribute("href");
    var entries = new ArrayList<String>();
    byte[] zipped = api.exchange(HttpRequest.newBuilder(URI.create(zipUrl))).bytes();
    try (var zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.add(entry.getName());
      }
    }
    assertThat(entries).contains("applications.csv").anyMatch(entry -> entry.endsWith("/portfolio-1.pdf"));
  }

  /** The editor records a decision on one application's screen. */
  private void decide(Applicant applicant, String decision) {
    browser.go("/console/application.html?id=" + applicant.id());
    browser.find("label[for=decision-" + decision + "]").click();
    browser.find("#decision button[type=submit]").click();
    browser.waitForText("#decision-status", "Decision recorded");
  }

  /**
   * A published call of Lyon, open now, with a blind form of two criteria and an optional portfolio, a jury naming
   * juror-one, and two verified, submitted applications (the second with a portfolio), as API users make them.
   */
  private Call newCall() throws Exception {
    String title = "Light residency " + CALLS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    JsonNode call = api.post("/admin/calls", editor, """
        {"originalLanguage": "fr", "city": "lyon", "timeZone": "Europe/Paris",
         "translations": {"fr": {"title": "%s (fr)"}, "en": {"title": "%s"}},
         "opensAt": "%s", "closesAt": "%s", "contact": {"email": "residences@example.org"}}"""
        .formatted(title, title, now.minusHours(1), now.plusDays(14)));
    String id = call.get("id").asText();
    api.send("PUT", "/admin/calls/" + id + "/form", editor, """
        {"fields": [
           {"id": "statement", "type": "long-text", "required": true, "minWords": 5,
            "label": {"fr": "Votre projet", "en": "Your project"}},
           {"id": "portfolio", "type": "file", "fileTypes": ["application/pdf"],
            "label": {"fr": "Portfolio", "en": "Portfolio"}}],
         "criteria": [
           {"id": "quality", "weight": 2, "scale": 5, "name": {"fr": "Qualité", "en": "Quality"}},
           {"id": "feasibility", "weight": 1, "scale": 5, "name": {"fr": "Faisabilité", "en": "Feasibility"}}],
         "blindReview": true}""", api.etag("/admin/calls/" + id, editor));
    api.send("PUT", "/admin/calls/" + id + "/jury", editor, "{\"reviewers\": [\"" + JUROR + "\"]}",
        api.etag("/admin/calls/" + id + "/jury", editor));
    api.post("/admin/calls/" + id + "/publish", editor, "{}");
    String slug = call.get("slug").asText();
    return new Call(id, slug, title, apply(slug, "Aya Tanaka", false), apply(slug, "Noa Levi", true));
  }

  /** An artist's application: created, its address verified with the mailed code, answered and submitted. */
  private Applicant apply(String slug, String name, boolean withPortfolio) throws Exception {
    String email = name.toLowerCase().replace(' ', '.') + "+" + System.nanoTime() + "@example.org";
    JsonNode created = api.post("/calls/" + slug + "/applications", null,
        "{\"name\": \"" + name + "\", \"email\": \"" + email + "\", \"language\": \"en\"}");
    var applicant = new Applicant(created.get("applicationId").asText(), created.get("token").asText(), name, email);
    String token = applicant.token();
    api.post("/applications/" + applicant.id() + "/verify", token, "{\"code\": \"" + api.codeIn(email) + "\"}");
    api.send("PUT", "/applications/" + applicant.id(), token, "{\"answers\": {\"statement\": "
        + "\"Une installation qui relie deux villes par des capteurs de lumière.\"}}", null);
    if (withPortfolio) {
      Path pdf = RepoPaths.root().resolve("local/samples/portfolio.pdf");
      JsonNode upload = api.post("/applications/" + applicant.id() + "/files", token,
          "{\"fieldId\": \"portfolio\", \"fileName\": \"" + name + " portfolio.pdf\", \"contentType\": "
              + "\"application/pdf\", \"size\": " + Files.size(pdf) + "}");
      api.upload(upload.get("uploadUrl").asText(), "application/pdf", pdf);
      browser.wait.until(d -> filesChecked(applicant));
    }
    api.post("/applications/" + applicant.id() + "/submit", token, null);
    return applicant;
  }

  private boolean filesChecked(Applicant applicant) {
    JsonNode files = api.json("/applications/" + applicant.id(), applicant.token()).get("files");
    return !files.isEmpty() && files.get(0).get("status").asText().equals("ready");
  }

  private String status(Applicant applicant) {
    return api.json("/applications/" + applicant.id(), applicant.token()).get("status").asText();
  }

  private JsonNode asEditor(String path) {
    return api.json(path, editor);
  }

  /** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
  private static List<List<String>> parseCsv(String text) {
    var rows = new ArrayList<List<String>>();
    var row = new ArrayList<String>();
    var cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}
