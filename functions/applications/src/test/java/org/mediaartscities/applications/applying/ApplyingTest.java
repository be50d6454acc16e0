package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.COMPLETE_ANSWERS;
import static org.mediaartscities.applications.ApplicationsTestBed.applyBody;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.CallStatus;

/**
 * An artist applies to an open call: form, draft, verified address, submission, receipt, emails, the decision's
 * news.
 */
class ApplyingTest {

  private static ApplicationsTestBed bed;
  private static String open;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(ApplyingTest.class);
    open = bed.call(CallStatus.OPEN);
  }

  @Test
  void theFormIsServedInTheAskedLanguageWithTheServerTime() {
    JsonNode form = json(bed.call("GET /calls/{slug}/form", "/calls/" + open + "/form", null,
        "accept-language", "fr-FR,fr;q=0.9"));

    assertThat(form.get("lang").asText()).isEqualTo("fr");
    assertThat(form.get("status").asText()).isEqualTo("open");
    assertThat(form.get("serverTime").asText()).isNotBlank();
    assertThat(form.get("closesAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*[+-]\\d\\d:\\d\\d|.*Z");
    JsonNode statement = form.get("fields").get(4);
    assertThat(statement.get("id").asText()).isEqualTo("statement");
    assertThat(statement.get("label").asText()).isEqualTo("Note d’intention");
    assertThat(statement.get("minWords").asInt()).isEqualTo(20);
  }

  @Test
  void anArtistAppliesVerifiesSavesSubmitsAndGetsTheCodeThenTheReceipt() throws Exception {
    String email = "aya.complete@example.org";
    APIGatewayV2HTTPResponse created = bed.call("POST /calls/{slug}/applications",
        "/calls/" + open + "/applications", applyBody(email));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    JsonNode application = json(created);
    String id = application.get("applicationId").asText();
    String token = application.get("token").asText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    assertThat(application.has("reference")).isFalse(); // numbers are given at submission

    List<MimeMessage> mails = bed.mailsTo(email);
    assertThat(mails).hasSize(1);
    assertThat(mails.getFirst().getSubject()).isEqualTo("Confirmez votre adresse e-mail");
    var parts = (MimeMultipart) mails.getFirst().getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(0).getContent()).contains(id).doesNotContain(token)
        .doesNotContain("Aya");
    bed.verify(application, email);

    var saved = bed.call("PUT /applications/{id}", "/applications/" + id, COMPLETE_ANSWERS, "x-application-token",
        token);
    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
    assertThat(json(saved).get("reference").isNull()).isTrue();
    assertThat(json(saved).has("receipt")).isFalse();

    var submitted = bed.call("POST /applications/{id}/submit", "/applications/" + id + "/submit", null,
        "authorization", "Bearer " + token);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(200);
    JsonNode receipt = json(submitted).get("receipt");
    assertThat(receipt.get("number").asText()).matches("[A-Z]{3}-\\d{4}-\\d{4}")
        .isEqualTo(json(submitted).get("reference").asText());
    // Labels in the applicant's language, not stored values: JP is Japon, installation its label.
    assertThat(receipt.get("summary").toString()).contains("Collectif Lumen").contains("Note d’intention")
        .contains("Japon").doesNotContain("\"JP\"");

    var again = bed.call("POST /applications/{id}/submit", "/applications/" + id + "/submit", null,
        "authorization", "Bearer " + token);
    assertThat(json(again).get("receipt")).isEqualTo(receipt);
    assertThat(bed.mailsTo(email)).hasSize(2);
    MimeMessage receiptMail = bed.mailsTo(email).get(1);
    assertThat(receiptMail.getSubject()).contains(receipt.get("number").asText());
    String receiptText = (String) ((MimeMultipart) receiptMail.getContent()).getBodyPart(0).getContent();
    assertThat(receiptText).contains("Pays de résidence: Japon").contains("Bonjour Aya Tanaka");

    var edit = bed.call("PUT /applications/{id}", "/applications/" + id, COMPLETE_ANSWERS, "x-application-token",
        token);
    assertThat(edit.getStatusCode()).isEqualTo(409);
  }

  @Test
  void aChoiceIsShownOnTheReceiptByItsLabelInTheApplicantsLanguage() {
    JsonNode application = bed.ready(open, "aya.labels@example.org");
    String path = "/applications/" + application.get("applicationId").asText();
    String token = application.get("token").asText();
    bed.call("PUT /applications/{id}", path, "{\"answers\": {\"discipline\": \"net-art\"}}", "x-application-token",
        token);

    var submitted = bed.call("POST /applications/{id}/submit", path + "/submit", null, "x-application-token", token);

    assertThat(json(submitted).get("receipt").get("summary").toString()).contains("Art en réseau")
        .doesNotContain("net-art");
    assertThat(json(submitted).get("answers").get("discipline").asText()).isEqualTo("net-art");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a country's name | {\"answers\": {\"country\": \"France\"}} | Give a country code such as FR",
      "an unknown code | {\"answers\": {\"country\": \"XX\"}} | Give a country code such as FR",
  })
  void aCountryAnswerIsACodeAndTheMessageSaysSo(String name, String body, String message) {
    JsonNode application = json(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("aya.country." + name.replace(" ", "").replace("'", "") + "@example.org")));

    var response = bed.call("PUT /applications/{id}", "/applications/" + application.get("applicationId").asText(),
        body, "x-application-token", application.get("token").asText());

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo("answers.country");
    assertThat(json(response).get("error").get("message").asText()).startsWith(message);
  }

  @Test
  void aFileOfATypeTheQuestionRefusesIsAnsweredInPlainWords() {
    JsonNode application = json(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("aya.file.type@example.org")));

    var refused = bed.call("POST /applications/{id}/files", "/applications/" + application.get("applicationId")
        .asText() + "/files", "{\"fieldId\": \"portfolio\", \"fileName\": \"notes.txt\", \"contentType\": "
        + "\"text/plain\", \"size\": 10}", "x-application-token", application.get("token").asText());

    assertThat(refused.getStatusCode()).isEqualTo(400);
    assertThat(json(refused).get("error").get("field").asText()).isEqualTo("contentType");
    assertThat(json(refused).get("error").get("message").asText())
        .isEqualTo("This question accepts a PDF document, a JPEG image or a PNG image.");
  }

  @Test
  void theApplicantSeesADecisionOnlyOnceItsEmailWasSent() {
    JsonNode application = bed.ready(open, "aya.news@example.org");
    String path = "/applications/" + application.get("applicationId").asText();
    String token = application.get("token").asText();
    bed.call("POST /applications/{id}/submit", path + "/submit", null, "x-application-token", token);
    var store = bed.table().applications();
    var submitted = store.get(application.get("applicationId").asText()).orElseThrow();
    Application accepted = submitted.application().decided(Application.Status.ACCEPTED, Instant.now());
    store.replace(accepted, submitted);

    assertThat(json(bed.call("GET /applications/{id}", path, null, "x-application-token", token)).get("status")
        .asText()).isEqualTo("submitted");

    var decided = store.get(application.get("applicationId").asText()).orElseThrow();
    store.replace(decided.application().decisionSent(Application.Status.ACCEPTED, Instant.now()), decided);
    assertThat(json(bed.call("GET /applications/{id}", path, null, "x-application-token", token)).get("status")
        .asText()).isEqualTo("accepted");
  }

  @Test
  void anIncompleteApplicationIsRefusedNamingTheMissingAnswer() {
    JsonNode application = json(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("aya.incomplete@example.org")));
    String id = application.get("applicationId").asText();
    String token = application.get("token").asText();
    bed.verify(application, "aya.incomplete@example.org");
    bed.call("PUT /applications/{id}", "/applications/" + id, "{\"answers\": {\"name\": \"Aya\", \"statement\": "
        + "\"Trop court.\"}}", "x-application-token", token);

    var response = bed.call("POST /applications/{id}/submit", "/applications/" + id + "/submit", null,
        "x-application-token", token);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo("answers.country");
    var status = json(bed.call("GET /applications/{id}", "/applications/" + id, null, "x-application-token", token));
    assertThat(status.get("status").asText()).isEqualTo("draft");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown question | {\"answers\": {\"favouriteColour\": \"red\"}} | answers.favouriteColour",
      "wrong type | {\"answers\": {\"name\": 42}} | answers.name",
      "bad choice | {\"answers\": {\"discipline\": \"painting\"}} | answers.discipline",
      "bad url | {\"answers\": {\"website\": \"javascript:alert(1)\"}} | answers.website",
      "bad country | {\"answers\": {\"country\": \"XX\"}} | answers.country",
      "consent as text | {\"answers\": {\"consent\": \"yes\"}} | answers.consent",
      "no answers | {} | answers",
      "not json | {\"answers\": | body",
  })
  void aBadAnswerIsRefusedNamingItAndNothingChanges(String name, String body, String field) {
    JsonNode application = json(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("aya." + field.replace(".", "-") + "@example.org")));
    String id = application.get("applicationId").asText();
    String token = application.get("token").asText();
    bed.call("PUT /applications/{id}", "/applications/" + id, "{\"answers\": {\"name\": \"Avant\"}}",
        "x-application-token", token);

    var response = bed.call("PUT /applications/{id}", "/applications/" + id, body, "x-application-token", token);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo(field);
    var stored = json(bed.call("GET /applications/{id}", "/applications/" + id, null, "x-application-token", token));
    assertThat(stored.get("answers").toString()).isEqualTo("{\"name\":\"Avant\"}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no name | {\"email\": \"a@example.org\"} | name",
      "bad email | {\"name\": \"A\", \"email\": \"not-an-email\"} | email",
      "bad language | {\"name\": \"A\", \"email\": \"a@example.org\", \"language\": \"x_y\"} | language",
      "unknown field | {\"name\": \"A\", \"email\": \"a@example.org\", \"age\": 30} | age",
  })
  void aBadNewApplicationIsRefusedNamingTheField(String name, String body, String field) {
    var response = bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications", body);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo(field);
  }

  @Test
  void aForgedTokenOrAnotherApplicantsIdRevealsNothing() {
    JsonNode mine = json(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("aya.mine@example.org")));
    JsonNode theirs = json(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("other.artist@example.org")));
    String theirPath = "/applications/" + theirs.get("applicationId").asText();

    for (String[] attempt : new String[][] {{"x-application-token", mine.get("token").asText()},
        {"x-application-token", "forged"}, {"authorization", "Bearer "}, {"x-other", "none"}}) {
      var read = bed.call("GET /applications/{id}", theirPath, null, attempt);
      var write = bed.call("PUT /applications/{id}", theirPath, COMPLETE_ANSWERS, attempt);
      var submit = bed.call("POST /applications/{id}/submit", theirPath + "/submit", null, attempt);
      assertThat(List.of(read.getStatusCode(), write.getStatusCode(), submit.getStatusCode())).containsOnly(404);
    }
    assertThat(bed.call("GET /applications/{id}", "/applications/not-a-uuid", null, "x-application-token",
        theirs.get("token").asText()).getStatusCode()).isEqualTo(404);
  }

  @Test
  void aBotFillingTheHiddenFieldGetsAnAnswerLikeAnyoneElsesButNothingIsKeptOrMailed() {
    var human = bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("not.a.bot@example.org"));
    var bot = bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        "{\"name\": \"Aya Tanaka\", \"email\": \"bot@example.org\", \"language\": \"fr\", \"nickname\": \"gotcha\"}");

    assertThat(bot.getStatusCode()).isEqualTo(human.getStatusCode()).isEqualTo(201);
    assertThat(bot.getHeaders().keySet()).isEqualTo(human.getHeaders().keySet());
    assertThat(shape(json(bot))).isEqualTo(shape(json(human)));
    JsonNode fake = json(bot);
    assertThat(fake.get("applicationId").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(fake.get("token").asText()).hasSameSizeAs(json(human).get("token").asText());
    assertThat(fake.get("accessUrl").asText()).contains(fake.get("applicationId").asText());
    assertThat(bed.call("GET /applications/{id}", "/applications/" + fake.get("applicationId").asText(), null,
        "x-application-token", fake.get("token").asText()).getStatusCode()).isEqualTo(404);
    assertThat(bed.mailsTo("bot@example.org")).isEmpty();
  }

  /** Each field's name and JSON type, and fixed values (status) as they are. */
  static Map<String, String> shape(JsonNode body) {
    var shape = new java.util.TreeMap<String, String>();
    body.fields().forEachRemaining(field -> shape.put(field.getKey(), field.getKey().equals("status")
        || field.getKey().equals("emailVerified") ? field.getValue().asText() : field.getValue().getNodeType().name()));
    return shape;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "applications/verify-email.json",
      "applications/resend-verification-code.json",
      "applications/save-application.json",
  })
  void aSampleNamingNoStoredApplicationRevealsNothing(String file) {
    APIGatewayV2HTTPResponse response = bed.deployment.functions().invoke(ApplicationsTestBed.APPLICANT,
        EventLoader.loadApiGatewayHttpEvent("../../events/" + file));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(404);
  }

  @Test
  void closedAndUpcomingCallsRefuseSubmissions() {
    var closed = bed.call("POST /calls/{slug}/applications", "/calls/" + bed.call(CallStatus.CLOSED)
        + "/applications", applyBody("late@example.org"));
    assertThat(closed.getStatusCode()).isEqualTo(409);
    assertThat(json(closed).get("error").get("code").asText()).isEqualTo("call_closed");

    JsonNode early = json(bed.call("POST /calls/{slug}/applications", "/calls/" + bed.call(CallStatus.UPCOMING)
        + "/applications", applyBody("early@example.org")));
    String id = early.get("applicationId").asText();
    bed.verify(early, "early@example.org");
    bed.call("PUT /applications/{id}", "/applications/" + id, COMPLETE_ANSWERS, "x-application-token",
        early.get("token").asText());
    var submit = bed.call("POST /applications/{id}/submit", "/applications/" + id + "/submit", null,
        "x-application-token", early.get("token").asText());
    assertThat(submit.getStatusCode()).isEqualTo(409);
    assertThat(json(submit).get("error").get("code").asText()).isEqualTo("call_not_open");
  }
}
