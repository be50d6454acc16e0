package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.COMPLETE_ANSWERS;
import static org.mediaartscities.applications.ApplicationsTestBed.applyBody;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.CallStatus;

/** An artist applies to an open call: form, draft, submission, receipt, emails, withdrawal. */
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
  void anArtistAppliesSavesSubmitsAndGetsBothEmails() throws Exception {
    String email = "aya.complete@example.org";
    APIGatewayV2HTTPResponse created = bed.call("POST /calls/{slug}/applications",
        "/calls/" + open + "/applications", applyBody(email));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    JsonNode application = json(created);
    String id = application.get("applicationId").asText();
    String token = application.get("token").asText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    assertThat(application.get("reference").asText()).matches("[A-Z]{3}-\\d{4}-\\d{4}");

    List<MimeMessage> mails = bed.mailsTo(email);
    assertThat(mails).hasSize(1);
    assertThat(mails.getFirst().getSubject()).startsWith("Votre candidature");
    var parts = (MimeMultipart) mails.getFirst().getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(0).getContent()).contains(id).contains(token);

    var saved = bed.call("PUT /applications/{id}", "/applications/" + id, COMPLETE_ANSWERS, "x-application-token",
        token);
    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);

    var submitted = bed.call("POST /applications/{id}/submit", "/applications/" + id + "/submit", null,
        "authorization", "Bearer " + token);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(200);
    JsonNode receipt = json(submitted).get("receipt");
    assertThat(receipt.get("number").asText()).isEqualTo(application.get("reference").asText());
    assertThat(receipt.get("summary").toString()).contains("Collectif Lumen").contains("Note d’intention");

    var again = bed.call("POST /applications/{id}/submit", "/applications/" + id + "/submit", null,
        "authorization", "Bearer " + token);
    assertThat(json(again).get("receipt")).isEqualTo(receipt);
    assertThat(bed.mailsTo(email)).hasSize(2);
    assertThat(bed.mailsTo(email).get(1).getSubject()).contains(receipt.get("number").asText());

    var edit = bed.call("PUT /applications/{id}", "/applications/" + id, COMPLETE_ANSWERS, "x-application-token",
        token);
    assertThat(edit.getStatusCode()).isEqualTo(409);
  }

  @Test
  void anIncompleteApplicationIsRefusedNamingTheMissingAnswer() {
    JsonNode application = json(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("aya.incomplete@example.org")));
    String id = application.get("applicationId").asText();
    String token = application.get("token").asText();
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
  void oneEmailAppliesOnceUntilItWithdraws() {
    String email = "once.only@example.org";
    JsonNode first = json(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody(email)));
    var second = bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("Once.Only@Example.org"));
    assertThat(second.getStatusCode()).isEqualTo(409);
    assertThat(json(second).get("error").get("code").asText()).isEqualTo("already_applied");

    var withdrawn = bed.call("POST /applications/{id}/withdraw", "/applications/" + first.get("applicationId")
        .asText() + "/withdraw", null, "x-application-token", first.get("token").asText());
    assertThat(json(withdrawn).get("status").asText()).isEqualTo("withdrawn");

    var third = bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications", applyBody(email));
    assertThat(third.getStatusCode()).isEqualTo(201);
  }

  @Test
  void aBotFillingTheHiddenFieldIsAnsweredButNothingIsKept() {
    var response = bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        "{\"name\": \"Bot\", \"email\": \"bot@example.org\", \"nickname\": \"gotcha\"}");

    assertThat(response.getStatusCode()).isEqualTo(201);
    JsonNode fake = json(response);
    assertThat(bed.call("GET /applications/{id}", "/applications/" + fake.get("applicationId").asText(), null,
        "x-application-token", fake.get("token").asText()).getStatusCode()).isEqualTo(404);
    assertThat(bed.mailsTo("bot@example.org")).isEmpty();
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
    bed.call("PUT /applications/{id}", "/applications/" + id, COMPLETE_ANSWERS, "x-application-token",
        early.get("token").asText());
    var submit = bed.call("POST /applications/{id}/submit", "/applications/" + id + "/submit", null,
        "x-application-token", early.get("token").asText());
    assertThat(submit.getStatusCode()).isEqualTo(409);
    assertThat(json(submit).get("error").get("code").asText()).isEqualTo("call_not_open");
  }
}
