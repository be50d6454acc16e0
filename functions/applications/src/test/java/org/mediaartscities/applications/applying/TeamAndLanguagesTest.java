package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.COMPLETE_ANSWERS;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.CallStatus;

/** Co-applicants named on an application, and the applicant's emails in their own language. */
class TeamAndLanguagesTest {

  private static final String TEAM = """
      {"team": [{"name": "Ana Lima", "email": "ana@example.org", "role": "son"}, {"name": "Kenji Mori"}]}""";

  private static ApplicationsTestBed bed;
  private static String open;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(TeamAndLanguagesTest.class);
    open = bed.call(CallStatus.OPEN);
  }

  @Test
  void theTeamIsSavedShownOnTheReceiptAndKeptWhenAnswersAreSavedAlone() throws Exception {
    String email = "team.lead@example.org";
    JsonNode created = apply(email, "fr");
    String id = created.get("applicationId").asText();
    String token = created.get("token").asText();
    bed.verify(created, email);

    var saved = bed.call("PUT /applications/{id}", "/applications/" + id, TEAM, "x-application-token", token);
    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
    bed.call("PUT /applications/{id}", "/applications/" + id, COMPLETE_ANSWERS, "x-application-token", token);
    var submitted = bed.call("POST /applications/{id}/submit", "/applications/" + id + "/submit", null,
        "x-application-token", token);

    JsonNode application = json(submitted);
    assertThat(application.get("team").size()).isEqualTo(2);
    assertThat(application.get("team").get(0).get("role").asText()).isEqualTo("son");
    assertThat(application.get("receipt").get("summary").toString()).contains("Équipe")
        .contains("Ana Lima <ana@example.org> (son)").contains("Kenji Mori");
    var receipt = (MimeMultipart) bed.mailsTo(email).getLast().getContent();
    assertThat((String) receipt.getBodyPart(1).getContent()).contains("Équipe").contains("Kenji Mori");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "too many | {\"team\": [{\"name\": \"A\"}, {\"name\": \"B\"}, {\"name\": \"C\"}, {\"name\": \"D\"}]} | team",
      "no name | {\"team\": [{\"name\": \"A\"}, {\"email\": \"b@example.org\"}]} | team[1].name",
      "bad email | {\"team\": [{\"name\": \"A\", \"email\": \"nope\"}]} | team[0].email",
      "unknown field | {\"team\": [{\"name\": \"A\", \"age\": 3}]} | team[0].age",
      "not a list | {\"team\": \"A and B\"} | team",
  })
  void aBadTeamIsRefusedNamingTheMemberAndNothingChanges(String name, String body, String field) {
    JsonNode created = apply("team." + name.replace(" ", "-") + "@example.org", "en");
    String id = created.get("applicationId").asText();
    String token = created.get("token").asText();
    bed.call("PUT /applications/{id}", "/applications/" + id, "{\"team\": [{\"name\": \"Before\"}]}",
        "x-application-token", token);

    var response = bed.call("PUT /applications/{id}", "/applications/" + id, body, "x-application-token", token);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).startsWith(field);
    var stored = json(bed.call("GET /applications/{id}", "/applications/" + id, null, "x-application-token", token));
    assertThat(stored.get("team").toString()).isEqualTo("[{\"name\":\"Before\",\"email\":null,\"role\":null}]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "es | Confirme su dirección",
      "pt-BR | Confirme o seu endereço",
      "de | Bitte bestätigen Sie",
      "it | Confermi il suo indirizzo",
      "ko | 이메일 주소 확인",
      "he | אישור כתובת",
      "nb | Bekreft e-postadressen",
      "ja | メールアドレスの確認",
      "da | Bekræft din e-mailadresse",
      "sk | Potvrďte svoju",
      "zh | 请确认",
      "ka | დაადასტურეთ",
      "en | Confirm your email address",
      "fi | Confirm your email address",
  })
  void theCodesEmailSpeaksTheApplicantsLanguageElseEnglish(String language, String words) throws Exception {
    String email = "lang." + language + "@example.org";
    apply(email, language);

    var mail = bed.mailsTo(email).getFirst();
    assertThat(mail.getSubject()).contains(words);
    var html = (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
    assertThat(html).contains("lang=\"" + language + "\"").doesNotContain("{").doesNotContain("Mina");
    assertThat(html).contains(language.equals("he") ? "dir=\"rtl\"" : "dir=\"ltr\"");
  }

  private static JsonNode apply(String email, String language) {
    var response = bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        "{\"name\": \"Mina Park\", \"email\": \"" + email + "\", \"language\": \"" + language + "\"}");
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return json(response);
  }
}
