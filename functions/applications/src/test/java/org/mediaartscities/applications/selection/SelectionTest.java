package org.mediaartscities.applications.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.invoke;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.applications.CsvExport;
import org.mediaartscities.applications.DecisionOutbox;
import org.mediaartscities.applications.PreparedEmail;
import org.mediaartscities.applications.applying.ApplicationsHandler;
import org.mediaartscities.applications.applying.ApplyingHandlers;
import org.mediaartscities.shared.store.StoreConflictException;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.local.lambda.ApiEvents;

/** Juries and editors at work: scores, blind review, decisions through the call's outbox, CSV, extensions. */
class SelectionTest {

  private static final Instant CLOSES = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
  private static ApplicationsTestBed bed;
  private static String lyonCall;
  private static String blindCall;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(SelectionTest.class);
    ApplicationForm form = bed.sample.stream().filter(i -> i.kind() == Kind.CALL).findFirst().orElseThrow().call()
        .form();
    lyonCall = put("lyon-jury-call", form);
    blindCall = put("blind-jury-call", new ApplicationForm(form.fields(), true, 0, form.criteria(), true));
  }

  @Test
  void reviewersScoreAndTheListSortsByWeightedMean() {
    String best = submitted(lyonCall, "best@example.org");
    String worst = submitted(lyonCall, "worst@example.org");
    String unreviewed = submitted(lyonCall, "unreviewed@example.org");
    review(best, ApiEvents.reviewer(), 5, 5, 5);
    review(worst, ApiEvents.reviewer(), 1, 1, 1);
    review(worst, Map.of("sub", "reviewer-2", "cognito:groups", "[reviewers]"), 3, 3, 3);

    JsonNode list = json(admin(ApiEvents.reviewer(), "GET /admin/calls/{id}/applications", "/admin/calls/" + lyonCall
        + "/applications", null, "sort", "score"));
    List<String> order = list.get("items").findValuesAsText("applicationId");
    assertThat(order).containsSubsequence(best, worst, unreviewed);
    JsonNode worstRow = list.get("items").get(order.indexOf(worst));
    assertThat(worstRow.get("score").asDouble()).isEqualTo(40.0); // (20 + 60) / 2
    assertThat(worstRow.get("reviewCount").asInt()).isEqualTo(2);

    JsonNode filtered = json(admin(ApiEvents.reviewer(), "GET /admin/calls/{id}/applications", "/admin/calls/"
        + lyonCall + "/applications", null, "minScore", "90"));
    assertThat(filtered.get("items").findValuesAsText("applicationId")).containsExactly(best);
  }

  @Test
  void aReviewMustScoreEveryCriterionWithinItsScale() {
    String id = submitted(lyonCall, "scored@example.org");
    for (String[] bad : new String[][] {
        {"{\"scores\": {\"quality\": 4, \"relevance\": 4}}", "scores.feasibility"},
        {"{\"scores\": {\"quality\": 6, \"relevance\": 4, \"feasibility\": 4}}", "scores.quality"},
        {"{\"scores\": {\"quality\": 4, \"relevance\": 4, \"feasibility\": 4, \"charm\": 5}}", "scores.charm"},
        {"{\"scores\": {\"quality\": \"high\"}}", "scores.quality"}}) {
      var response = admin(ApiEvents.reviewer(), "PUT /admin/applications/{id}/review", "/admin/applications/" + id
          + "/review", bad[0]);
      assertThat(response.getStatusCode()).as(bad[0]).isEqualTo(400);
      assertThat(json(response).get("error").get("field").asText()).isEqualTo(bad[1]);
    }
    assertThat(json(admin(ApiEvents.admin(), "GET /admin/applications/{id}", "/admin/applications/" + id, null))
        .get("reviewCount").asInt()).isZero();
  }

  @Test
  void aBlindReviewHidesTheApplicantFromReviewersOnly() {
    String id = submitted(blindCall, "hidden@example.org");

    JsonNode reviewerView = json(admin(ApiEvents.reviewer(), "GET /admin/applications/{id}", "/admin/applications/"
        + id, null));
    JsonNode editorView = json(admin(ApiEvents.editor("lyon"), "GET /admin/applications/{id}", "/admin/applications/"
        + id, null));
    JsonNode reviewerList = json(admin(ApiEvents.reviewer(), "GET /admin/calls/{id}/applications", "/admin/calls/"
        + blindCall + "/applications", null));

    assertThat(reviewerView.has("email")).isFalse();
    assertThat(reviewerView.has("name")).isFalse();
    assertThat(reviewerList.toString()).doesNotContain("hidden@example.org");
    assertThat(editorView.get("email").asText()).isEqualTo("hidden@example.org");
  }

  @Test
  void onlyTheCallsEditorsAndAdminsDecideAndExport() {
    String id = submitted(lyonCall, "guarded@example.org");
    for (Map<String, String> caller : List.of(ApiEvents.reviewer(), ApiEvents.editor("linz"))) {
      assertThat(admin(caller, "POST /admin/applications/{id}/decision", "/admin/applications/" + id + "/decision",
          "{\"decision\": \"accept\"}").getStatusCode()).isEqualTo(403);
      assertThat(admin(caller, "GET /admin/calls/{id}/export.csv", "/admin/calls/" + lyonCall + "/export.csv", null)
          .getStatusCode()).isEqualTo(403);
      assertThat(admin(caller, "POST /admin/calls/{id}/outbox/send", "/admin/calls/" + lyonCall + "/outbox/send",
          null).getStatusCode()).isEqualTo(403);
    }
    assertThat(admin(ApiEvents.editor("linz"), "GET /admin/calls/{id}/applications", "/admin/calls/" + lyonCall
        + "/applications", null).getStatusCode()).isEqualTo(403);
    assertThat(admin(Map.of("sub", "nobody"), "GET /admin/applications/{id}", "/admin/applications/" + id, null)
        .getStatusCode()).isEqualTo(403);
    assertThat(json(admin(ApiEvents.admin(), "GET /admin/applications/{id}", "/admin/applications/" + id, null))
        .get("status").asText()).isEqualTo("submitted");
  }

  @Test
  void decisionsWaitInTheOutboxUntilOneSendMailsEachApplicantOnce() {
    String email = "decided@example.org";
    String id = submitted(lyonCall, email);
    int before = bed.mailsTo(email).size();

    var decided = admin(ApiEvents.editor("lyon"), "POST /admin/applications/{id}/decision", "/admin/applications/"
        + id + "/decision", "{\"decision\": \"shortlist\"}");
    assertThat(json(decided).get("status").asText()).isEqualTo("shortlisted");
    assertThat(bed.mailsTo(email)).hasSize(before);
    JsonNode outbox = json(admin(ApiEvents.editor("lyon"), "GET /admin/calls/{id}/outbox", "/admin/calls/"
        + lyonCall + "/outbox", null)).get("items");
    assertThat(outbox.toString()).contains(email).contains("shortlist");

    JsonNode firstSend = json(admin(ApiEvents.editor("lyon"), "POST /admin/calls/{id}/outbox/send", "/admin/calls/"
        + lyonCall + "/outbox/send", null));
    JsonNode secondSend = json(admin(ApiEvents.editor("lyon"), "POST /admin/calls/{id}/outbox/send", "/admin/calls/"
        + lyonCall + "/outbox/send", null));

    assertThat(firstSend.get("sent").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(secondSend.get("sent").asInt()).isZero();
    assertThat(bed.mailsTo(email)).hasSize(before + 1);
    assertThat(json(admin(ApiEvents.editor("lyon"), "POST /admin/applications/{id}/decision", "/admin/applications/"
        + id + "/decision", "{\"decision\": \"maybe\"}")).get("error").get("field").asText()).isEqualTo("decision");
  }

  @Test
  void aStaleDecisionChangesNothingAndPreparesNoEmail() {
    String id = submitted(lyonCall, "stale.decision@example.org");
    ApplicationStore store = bed.table().applications();
    DecisionOutbox outbox = bed.table().outbox();
    ApplicationStore.Stored read = store.get(id).orElseThrow();
    store.replace(read.application().withStatus(Application.Status.SUBMITTED, Instant.now()), read);

    Application decided = read.application().withStatus(Application.Status.ACCEPTED, Instant.now());
    var email = new PreparedEmail(id, decided.reference(), "accept", decided.email(), "s", "t", "h", "en",
        Instant.now(), null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.decide(decided, read, email))
        .isInstanceOf(StoreConflictException.class);

    assertThat(store.get(id).orElseThrow().application().status()).isEqualTo(Application.Status.SUBMITTED);
    assertThat(outbox.of(lyonCall)).noneMatch(e -> e.applicationId().equals(id));
  }

  @Test
  void theCsvExportIsExcelFriendlyAndSafe() {
    String id = submitted(lyonCall, "csv@example.org");
    String applicant = json(admin(ApiEvents.admin(), "GET /admin/applications/{id}", "/admin/applications/" + id,
        null)).get("reference").asText();

    var response = admin(ApiEvents.editor("lyon"), "GET /admin/calls/{id}/export.csv", "/admin/calls/" + lyonCall
        + "/export.csv", null);

    assertThat(response.getHeaders().get("content-type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(response.getHeaders().get("content-disposition")).contains("attachment");
    String csv = response.getBody();
    assertThat(csv).startsWith("\uFEFFReference,Status,Submitted at,Name,Email,Language,");
    assertThat(csv.split("\r\n")).anyMatch(line -> line.startsWith(applicant + ",submitted,"));
    assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvExport.cell("a, b")).isEqualTo("\"a, b\"");
  }

  @Test
  void anExtensionLetsOneApplicantSubmitAfterTheDeadline() {
    JsonNode extended = ready(lyonCall, "extended@example.org");
    JsonNode other = ready(lyonCall, "not.extended@example.org");
    var granted = admin(ApiEvents.editor("lyon"), "POST /admin/applications/{id}/extension", "/admin/applications/"
        + extended.get("applicationId").asText() + "/extension", "{\"until\": \""
        + CLOSES.plus(Duration.ofHours(2)) .atOffset(java.time.ZoneOffset.UTC) + "\"}");
    assertThat(granted.getStatusCode()).as(granted.getBody()).isEqualTo(200);

    ApplicationsHandler late = ApplyingHandlers.at(bed, InstantSource.fixed(CLOSES.plus(Duration.ofHours(1))));
    assertThat(submitAt(late, extended).getStatusCode()).isEqualTo(200);
    assertThat(submitAt(late, other).getStatusCode()).isEqualTo(409);
    ApplicationsHandler tooLate = ApplyingHandlers.at(bed, InstantSource.fixed(CLOSES.plus(Duration.ofHours(3))));
    assertThat(submitAt(tooLate, other).getStatusCode()).isEqualTo(409);

    var byReviewer = admin(ApiEvents.reviewer(), "POST /admin/applications/{id}/extension", "/admin/applications/"
        + other.get("applicationId").asText() + "/extension", "{\"until\": \"2099-01-01T00:00:00Z\"}");
    assertThat(byReviewer.getStatusCode()).isEqualTo(403);
  }

  private static String put(String slug, ApplicationForm form) {
    String id = slug + "-id";
    bed.content.putItem(new ContentItem(id, Kind.CALL, slug, "lyon", "fr",
        Map.of("fr", new Translation("Appel " + slug, null, null, "Tous", "Une résidence")), List.of(), List.of(),
        PublicationStatus.PUBLISHED, Instant.now().minus(Duration.ofDays(1)), null,
        new CallDetails(Instant.now().minus(Duration.ofDays(1)), CLOSES, "Europe/Paris", null, form), null));
    return id;
  }

  private static JsonNode ready(String callId, String email) {
    return bed.ready(callId.replace("-id", ""), email);
  }

  private static String submitted(String callId, String email) {
    JsonNode application = ready(callId, email);
    var submit = bed.call("POST /applications/{id}/submit", "/applications/" + application.get("applicationId")
        .asText() + "/submit", null, "x-application-token", application.get("token").asText());
    assertThat(submit.getStatusCode()).as(submit.getBody()).isEqualTo(200);
    return application.get("applicationId").asText();
  }

  private static APIGatewayV2HTTPResponse submitAt(ApplicationsHandler handler, JsonNode application) {
    String id = application.get("applicationId").asText();
    return invoke(handler, ApiEvents.request(null, "POST /applications/{id}/submit", "/applications/" + id + "/submit",
        null, "x-application-token", application.get("token").asText()));
  }

  private static void review(String id, Map<String, String> reviewer, int quality, int relevance, int feasibility) {
    var response = admin(reviewer, "PUT /admin/applications/{id}/review", "/admin/applications/" + id + "/review",
        "{\"scores\": {\"quality\": %d, \"relevance\": %d, \"feasibility\": %d}, \"comment\": \"Vu.\"}"
            .formatted(quality, relevance, feasibility));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
  }

  private static APIGatewayV2HTTPResponse admin(Map<String, String> claims, String routeKey, String path, String body,
      String... query) {
    return bed.admin(claims, routeKey, path, body, query);
  }


}
