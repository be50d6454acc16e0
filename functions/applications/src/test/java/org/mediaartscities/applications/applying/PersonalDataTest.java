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
    assertThat(export.getBody()).doesNotContain("tokenHash").doesNotContain(token(application));
  }

  @Test
  void aDraftIsErasedWithItsEmailReservation() {
    JsonNode application = create("erase.me@example.org");

    var deleted = bed.call("DELETE /applications/{id}", path(application), null, "x-application-token",
        token(application));

    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertThat(bed.call("GET /applications/{id}", path(application), null, "x-application-token", token(application))
        .getStatusCode()).isEqualTo(404);
    assertThat(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("erase.me@example.org")).getStatusCode()).isEqualTo(201);
  }

  @Test
  void aSubmittedApplicationIsWithdrawnBeforeErasureAndErasingItSparesTheEmailsNewApplication() {
    JsonNode first = create("twice@example.org");
    save(first);
    bed.call("POST /applications/{id}/submit", path(first) + "/submit", null, "x-application-token", token(first));
    assertThat(bed.call("DELETE /applications/{id}", path(first), null, "x-application-token", token(first))
        .getStatusCode()).isEqualTo(409);

    bed.call("POST /applications/{id}/withdraw", path(first) + "/withdraw", null, "x-application-token", token(first));
    JsonNode second = create("twice@example.org");
    assertThat(bed.call("DELETE /applications/{id}", path(first), null, "x-application-token", token(first))
        .getStatusCode()).isEqualTo(204);

    // The new application still holds the email: a third one is refused.
    assertThat(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody("twice@example.org")).getStatusCode()).isEqualTo(409);
    assertThat(bed.call("GET /applications/{id}", path(second), null, "x-application-token", token(second))
        .getStatusCode()).isEqualTo(200);
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
