package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.COMPLETE_ANSWERS;
import static org.mediaartscities.applications.ApplicationsTestBed.applyBody;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The applicant's rights: a copy of their data, erasure; and deletion by retention, without anyone's action. */
class PersonalDataTest {

  private static ApplicationsTestBed bed;
  private static String open;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(PersonalDataTest.class);
    open = bed.call(CallStatus.OPEN);
  }

  @Test
  void anApplicantExportsAllTheirDataButNeverTheTokenHash() {
    JsonNode application = create("export.me@example.org");
    save(application);

    var export = bed.call("GET /applications/{id}/export", path(application) + "/export", null, "x-application-token",
        token(application));

    assertThat(export.getStatusCode()).isEqualTo(200);
    assertThat(export.getHeaders().get("content-disposition")).contains("attachment");
    JsonNode data = json(export);
    assertThat(data.get("email").asText()).isEqualTo("export.me@example.org");
    assertThat(data.get("answers").get("name").asText()).isEqualTo("Collectif Lumen");
    assertThat(data.get("retainedUntil").asText()).isNotBlank();
    assertThat(export.getBody()).doesNotContain("tokenHash").doesNotContain("codeHash")
        .doesNotContain(token(application)).doesNotContain(stored(application).tokenHash());
    assertThat(data.get("accessUntil").asText()).isNotBlank();
  }

  @Test
  void aDraftIsErasedAndItsAddressMayApplyAgain() {
    JsonNode application = create("erase.me@example.org");

    var deleted = bed.call("DELETE /applications/{id}", path(application), null, "x-application-token",
        token(application));

    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertThat(bed.call("GET /applications/{id}", path(application), null, "x-application-token", token(application))
        .getStatusCode()).isEqualTo(404);
    assertThat(bed.table().applications().get(application.get("applicationId").asText())).isEmpty();
    assertThat(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("erase.me@example.org")).getStatusCode()).isEqualTo(201);
  }

  @Test
  void aSubmittedApplicationIsWithdrawnBeforeErasureAndErasingItSparesTheEmailsNewApplication() {
    String email = "twice@example.org";
    var visitor = new Visitor(bed, Instant.now());
    JsonNode first = visitor.verifiedAndComplete(visitor.create(open, email), email);
    assertThat(visitor.submit(first).getStatusCode()).isEqualTo(200);
    assertThat(visitor.on(first, "DELETE /applications/{id}", "", null).getStatusCode()).isEqualTo(409);

    visitor.on(first, "POST /applications/{id}/withdraw", "/withdraw", null);
    JsonNode second = visitor.verifiedAndComplete(visitor.after(AccessLinks.MAIL_COOLDOWN).create(open, email), email);
    assertThat(visitor.submit(second).getStatusCode()).isEqualTo(200);
    assertThat(visitor.on(first, "DELETE /applications/{id}", "", null).getStatusCode()).isEqualTo(204);

    // The new application holds the email: a third one (mailed no code at its creation, so asking for one) is
    // refused at its submission, which only the verified owner reaches.
    JsonNode third = visitor.after(AccessLinks.MAIL_COOLDOWN).create(open, email);
    visitor.on(third, "POST /applications/{id}/verification", "/verification", null);
    visitor.verifiedAndComplete(third, email);
    var refused = visitor.submit(third);
    assertThat(refused.getStatusCode()).isEqualTo(409);
    assertThat(json(refused).get("error").get("code").asText()).isEqualTo("already_applied");
    assertThat(visitor.get(second).getStatusCode()).isEqualTo(200);
    assertThat(json(visitor.get(second)).get("status").asText()).isEqualTo("submitted");
  }

  @Test
  void everyRowOfAnApplicationExpiresTwoYearsAfterItsCallCloses() {
    JsonNode application = create("expires@example.org");
    ContentItem call = bed.sample.stream().filter(i -> i.kind() == Kind.CALL && i.slug().equals(open)).findFirst()
        .orElseThrow();

    try (var dynamoDb = bed.deployment.aws().clients().dynamoDb()) {
      var row = dynamoDb.getItem(r -> r.tableName(bed.deployment.name("ApplicationsTable")).key(Map.of(
          "pk", AttributeValue.fromS("APP#" + application.get("applicationId").asText()),
          "sk", AttributeValue.fromS("APP")))).item();
      long expiresAt = Long.parseLong(row.get("expiresAt").n());
      assertThat(Instant.ofEpochSecond(expiresAt)).isEqualTo(call.call().closesAt().plus(java.time.Duration.ofDays(730))
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
  }

  private static org.mediaartscities.applications.Application stored(JsonNode application) {
    return bed.table().applications().get(application.get("applicationId").asText()).orElseThrow().application();
  }

  private static JsonNode create(String email) {
    var response = bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications", applyBody(email));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return json(response);
  }

  private static void save(JsonNode application) {
    assertThat(bed.call("PUT /applications/{id}", path(application), COMPLETE_ANSWERS, "x-application-token",
        token(application)).getStatusCode()).isEqualTo(200);
  }

  private static String path(JsonNode application) {
    return "/applications/" + application.get("applicationId").asText();
  }

  private static String token(JsonNode application) {
    return application.get("token").asText();
  }
}
