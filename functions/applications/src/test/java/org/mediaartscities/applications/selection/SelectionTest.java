package org.mediaartscities.applications.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.invoke;
import static org.mediaartscities.applications.ApplicationsTestBed.json;
import static org.mediaartscities.applications.JuryFixtures.juror;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.applications.CsvExport;
import org.mediaartscities.applications.DecisionOutbox;
import org.mediaartscities.applications.JuryFixtures;
import org.mediaartscities.applications.PreparedEmail;
import org.mediaartscities.applications.applying.ApplicationsHandler;
import org.mediaartscities.applications.applying.ApplyingHandlers;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.store.StoreConflictException;

/** Juries and editors at work: scores, blind review, decisions through the call's outbox, CSV, extensions. */
class SelectionTest {

  private static final String ANA = "ana@example.org";
  private static final String BEN = "ben@example.org";
  private static ApplicationsTestBed bed;
  private static JuryFixtures fixtures;
  private static ContentItem lyonCall;
  private static ContentItem blindCall;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(SelectionTest.class);
    fixtures = new JuryFixtures(bed);
    ApplicationForm form = JuryFixtures.FORM;
    lyonCall = fixtures.call("lyon-jury-call", "lyon", form);
    blindCall = fixtures.call("blind-jury-call", "lyon", new ApplicationForm(form.fields(), true, 0,
        form.criteria(), true));
    fixtures.jury(lyonCall, ANA, BEN);
    fixtures.jury(blindCall, ANA);
  }

  @Test
  void editorsSeeTheListSortedAndFilteredByWeightedMean() {
    String best = submitted(lyonCall, "best@example.org");
    String worst = submitted(lyonCall, "worst@example.org");
    String unreviewed = submitted(lyonCall, "unreviewed@example.org");
    review(best, juror(ANA), 5, 10);
    review(worst, juror(ANA), 1, 1);
    review(worst, juror(BEN), 3, 6);

    JsonNode list = json(admin(ApiEvents.editor("lyon"), "GET /admin/calls/{id}/applications", "/admin/calls/"
        + lyonCall.id() + "/applications", null, "sort", "score"));
    List<String> order = list.get("items").findValuesAsText("applicationId");
    assertThat(order).containsSubsequence(best, worst, unreviewed);
    JsonNode worstRow = list.get("items").get(order.indexOf(worst));
    // (2 × 1/5 + 1/10) / 3 = 16.7 and (2 × 3/5 + 6/10) / 3 = 60: the mean is 38.3.
    assertThat(worstRow.get("score").asDouble()).isEqualTo(38.3);
    assertThat(worstRow.get("reviewCount").asInt()).isEqualTo(2);

    JsonNode filtered = json(admin(ApiEvents.admin(), "GET /admin/calls/{id}/applications", "/admin/calls/"
        + lyonCall.id() + "/applications", null, "minScore", "90"));
    assertThat(filtered.get("items").findValuesAsText("applicationId")).containsExactly(best);
  }

  @Test
  void aReviewMustScoreEveryCriterionWithinItsScale() {
    String id = submitted(lyonCall, "scored@example.org");
    for (String[] bad : new String[][] {
        {"{\"scores\": {\"quality\": 4}}", "scores.relevance"},
        {"{\"scores\": {\"quality\": 6, \"relevance\": 4}}", "scores.quality"},
        {"{\"scores\": {\"quality\": 4, \"relevance\": 11}}", "scores.relevance"},
        {"{\"scores\": {\"quality\": 4, \"relevance\": 4, \"charm\": 5}}", "scores.charm"},
        {"{\"scores\": {\"quality\": \"high\"}}", "scores.quality"},
        // Jackson's default coercions would have stored 3 for 3.5, 4 for "4", and no score for "" or " ".
        {"{\"scores\": {\"quality\": 3.5, \"relevance\": 4}}", "scores.quality"},
        {"{\"scores\": {\"quality\": 4.0, \"relevance\": 4}}", "scores.quality"},
        {"{\"scores\": {\"quality\": \"4\", \"relevance\": 4}}", "scores.quality"},
        {"{\"scores\": {\"quality\": 4, \"relevance\": \"\"}}", "scores.relevance"},
        {"{\"scores\": {\"quality\": 4, \"relevance\": \" \"}}", "scores.relevance"},
        {"{\"scores\": {\"quality\": true, \"relevance\": 4}}", "scores.quality"}}) {
      var response = admin(juror(ANA), "PUT /admin/applications/{id}/review", "/admin/applications/" + id
          + "/review", bad[0]);
      assertThat(response.getStatusCode()).as(bad[0]).isEqualTo(400);
      assertThat(json(response).get("error").get("field").asText()).isEqualTo(bad[1]);
    }
    assertThat(json(admin(ApiEvents.admin(), "GET /admin/applications/{id}", "/admin/applications/" + id, null))
        .get("reviewCount").asInt()).isZero();
    assertThat(fixtures.stores().reviews().of(id)).isEmpty();
  }

  @Test
  void aBlindReviewHidesTheApplicantFromReviewersOnly() {
    String id = submitted(blindCall, "hidden@example.org");

    JsonNode reviewerView = json(admin(juror(ANA), "GET /admin/applications/{id}", "/admin/applications/" + id,
        null));
    JsonNode editorView = json(admin(ApiEvents.editor("lyon"), "GET /admin/applications/{id}", "/admin/applications/"
        + id, null));
    JsonNode reviewerList = json(admin(juror(ANA), "GET /admin/calls/{id}/applications", "/admin/calls/"
        + blindCall.id() + "/applications", null));

    assertThat(reviewerView.has("email")).isFalse();
    assertThat(reviewerView.has("name")).isFalse();
    assertThat(reviewerList.toString()).doesNotContain("hidden@example.org");
    assertThat(editorView.get("email").asText()).isEqualTo("hidden@example.org");
  }

  @Test
  void onlyTheCallsEditorsAndAdminsDecideAndExport() {
    String id = submitted(lyonCall, "guarded@example.org");
    for (Map<String, String> caller : List.of(juror(ANA), ApiEvents.editor("linz"))) {
      assertThat(admin(caller, "POST /admin/applications/{id}/decision", "/admin/applications/" + id + "/decision",
          "{\"decision\": \"accept\"}").getStatusCode()).isEqualTo(403);
      assertThat(admin(caller, "GET /admin/calls/{id}/export.csv", "/admin/calls/" + lyonCall.id() + "/export.csv",
          null).getStatusCode()).isEqualTo(403);
      assertThat(admin(caller, "POST /admin/calls/{id}/outbox/send", "/admin/calls/" + lyonCall.id()
          + "/outbox/send", null).getStatusCode()).isEqualTo(403);
    }
    assertThat(admin(ApiEvents.editor("linz"), "GET /admin/calls/{id}/applications", "/admin/calls/"
        + lyonCall.id() + "/applications", null).getStatusCode()).isEqualTo(403);
    assertThat(admin(Map.of("sub", "nobody"), "GET /admin/applications/{id}", "/admin/applications/" + id, null)
        .getStatusCode()).isEqualTo(403);
    assertThat(json(admin(ApiEvents.admin(), "GET /admin/applications/{id}", "/admin/applications/" + id, null))
        .get("status").asText()).isEqualTo("submitted");
  }

  @Test
  void decisionsWaitInTheOutboxUntilOneSendMailsEachApplicantOnceAndMarksTheApplication() {
    String email = "decided@example.org";
    String id = submitted(lyonCall, email);
    int before = bed.mailsTo(email).size();

    var decided = admin(ApiEvents.editor("lyon"), "POST /admin/applications/{id}/decision", "/admin/applications/"
        + id + "/decision", "{\"decision\": \"shortlist\"}");
    assertThat(json(decided).get("status").asText()).isEqualTo("shortlisted");
    assertThat(bed.mailsTo(email)).hasSize(before);
    Application unsent = fixtures.stores().applications().get(id).orElseThrow().application();
    assertThat(unsent.decisionSentAt()).isNull();
    assertThat(unsent.applicantStatus()).isEqualTo(Application.Status.SUBMITTED);
    JsonNode outbox = json(admin(ApiEvents.editor("lyon"), "GET /admin/calls/{id}/outbox", "/admin/calls/"
        + lyonCall.id() + "/outbox", null)).get("items");
    assertThat(outbox.toString()).contains(email).contains("shortlist");

    JsonNode firstSend = json(admin(ApiEvents.editor("lyon"), "POST /admin/calls/{id}/outbox/send", "/admin/calls/"
        + lyonCall.id() + "/outbox/send", null));
    JsonNode secondSend = json(admin(ApiEvents.editor("lyon"), "POST /admin/calls/{id}/outbox/send", "/admin/calls/"
        + lyonCall.id() + "/outbox/send", null));

    assertThat(firstSend.get("sent").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(secondSend.get("sent").asInt()).isZero();
    assertThat(bed.mailsTo(email)).hasSize(before + 1);
    Application sent = fixtures.stores().applications().get(id).orElseThrow().application();
    assertThat(sent.decisionSentAt()).isNotNull();
    assertThat(sent.applicantStatus()).isEqualTo(Application.Status.SHORTLISTED);
    assertThat(json(admin(ApiEvents.editor("lyon"), "POST /admin/applications/{id}/decision", "/admin/applications/"
        + id + "/decision", "{\"decision\": \"maybe\"}")).get("error").get("field").asText()).isEqualTo("decision");
  }

  @Test
  void aDecisionEmailInTheOutboxExpiresWithItsApplicationBeforeAndAfterSending() {
    String id = submitted(lyonCall, "outbox.expiry@example.org");
    long applicationExpiry = fixtures.stores().applications().get(id).orElseThrow().application().expiresAt()
        .getEpochSecond();

    admin(ApiEvents.editor("lyon"), "POST /admin/applications/{id}/decision", "/admin/applications/" + id
        + "/decision", "{\"decision\": \"accept\"}");
    var prepared = outboxRow(id);
    admin(ApiEvents.editor("lyon"), "POST /admin/calls/{id}/outbox/send", "/admin/calls/" + lyonCall.id()
        + "/outbox/send", null);
    var sent = outboxRow(id);

    assertThat(prepared.get("expiresAt").n()).isEqualTo(Long.toString(applicationExpiry));
    assertThat(sent.get("doc").s()).as("sent, and still expiring").contains("\"sentAt\":\"");
    assertThat(sent.get("expiresAt").n()).isEqualTo(Long.toString(applicationExpiry));
  }

  @Test
  void anAddressNeverVerifiedGetsItsDecisionButNoEmail() {
    Application application = fixtures.submittedUnverified(lyonCall, "never.verified@example.org");

    var decided = admin(ApiEvents.editor("lyon"), "POST /admin/applications/{id}/decision", "/admin/applications/"
        + application.id() + "/decision", "{\"decision\": \"accept\"}");
    admin(ApiEvents.editor("lyon"), "POST /admin/calls/{id}/outbox/send", "/admin/calls/" + lyonCall.id()
        + "/outbox/send", null);

    assertThat(decided.getStatusCode()).isEqualTo(200);
    assertThat(fixtures.stores().outbox().of(lyonCall.id())).noneMatch(e -> e.applicationId().equals(
        application.id()));
    assertThat(bed.mailsTo("never.verified@example.org")).isEmpty();
  }

  @Test
  void aStaleDecisionChangesNothingAndPreparesNoEmail() {
    String id = submitted(lyonCall, "stale.decision@example.org");
    ApplicationStore store = fixtures.stores().applications();
    DecisionOutbox outbox = fixtures.stores().outbox();
    ApplicationStore.Stored read = store.get(id).orElseThrow();
    store.replace(read.application().withStatus(Application.Status.SUBMITTED, Instant.now()), read);

    Application decided = read.application().withStatus(Application.Status.ACCEPTED, Instant.now());
    var email = new PreparedEmail(id, decided.reference(), "accept", decided.email(), "s", "t", "h", "en",
        Instant.now(), null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.decide(decided, read, email))
        .isInstanceOf(StoreConflictException.class);

    assertThat(store.get(id).orElseThrow().application().status()).isEqualTo(Application.Status.SUBMITTED);
    assertThat(outbox.of(lyonCall.id())).noneMatch(e -> e.applicationId().equals(id));
  }

  @Test
  void theCsvExportIsExcelFriendlyAndSafe() {
    String id = submitted(lyonCall, "csv@example.org");
    String reference = fixtures.stores().applications().get(id).orElseThrow().application().reference();

    var response = admin(ApiEvents.editor("lyon"), "GET /admin/calls/{id}/export.csv", "/admin/calls/"
        + lyonCall.id() + "/export.csv", null, "lang", "en");

    assertThat(response.getHeaders().get("content-type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(response.getHeaders().get("content-disposition")).contains("attachment");
    String csv = response.getBody();
    assertThat(csv).startsWith("\uFEFF\"Reference\",\"Status\",\"Submitted at\",\"Name\",\"Email\",\"Language\",");
    assertThat(csv.split("\r\n")).anyMatch(line -> line.startsWith("\"" + reference + "\",\"submitted\","));
    assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvExport.cell("a, b")).isEqualTo("\"a, b\"");
  }

  @Test
  void anExtensionLetsOneApplicantSubmitAfterTheDeadline() {
    Application extended = fixtures.draft(lyonCall, "extended@example.org");
    Application other = fixtures.draft(lyonCall, "not.extended@example.org");
    Instant closes = lyonCall.call().closesAt();
    var granted = admin(ApiEvents.editor("lyon"), "POST /admin/applications/{id}/extension", "/admin/applications/"
        + extended.id() + "/extension", "{\"until\": \""
        + closes.plus(Duration.ofHours(2)).atOffset(java.time.ZoneOffset.UTC) + "\"}");
    assertThat(granted.getStatusCode()).as(granted.getBody()).isEqualTo(200);

    ApplicationsHandler late = ApplyingHandlers.at(bed, InstantSource.fixed(closes.plus(Duration.ofHours(1))));
    var submitted = submitAt(late, extended);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(200);
    assertThat(submitAt(late, other).getStatusCode()).isEqualTo(409);
    ApplicationsHandler tooLate = ApplyingHandlers.at(bed, InstantSource.fixed(closes.plus(Duration.ofHours(3))));
    assertThat(submitAt(tooLate, other).getStatusCode()).isEqualTo(409);

    var byReviewer = admin(juror(ANA), "POST /admin/applications/{id}/extension", "/admin/applications/"
        + other.id() + "/extension", "{\"until\": \"2099-01-01T00:00:00Z\"}");
    assertThat(byReviewer.getStatusCode()).isEqualTo(403);
  }

  private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> outboxRow(String id) {
    return bed.deployment.aws().clients().dynamoDb().getItem(r -> r.tableName(bed.deployment
        .name("ApplicationsTable")).consistentRead(true).key(Map.of(
            "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CALL#" + lyonCall.id()),
            "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OUTBOX#" + id)))).item();
  }

  private static String submitted(ContentItem call, String email) {
    return fixtures.submitted(call, email).id();
  }

  private static APIGatewayV2HTTPResponse submitAt(ApplicationsHandler handler, Application application) {
    return invoke(handler, ApiEvents.request(null, "POST /applications/{id}/submit", "/applications/"
        + application.id() + "/submit", null, "x-application-token", JuryFixtures.TOKEN));
  }

  private static void review(String id, Map<String, String> reviewer, int quality, int relevance) {
    var response = admin(reviewer, "PUT /admin/applications/{id}/review", "/admin/applications/" + id + "/review",
        "{\"scores\": {\"quality\": %d, \"relevance\": %d}, \"comment\": \"Vu.\"}".formatted(quality, relevance));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
  }

  private static APIGatewayV2HTTPResponse admin(Map<String, String> claims, String routeKey, String path, String body,
      String... query) {
    return bed.admin(claims, routeKey, path, body, query);
  }
}
