package org.mediaartscities.applications.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.json;
import static org.mediaartscities.applications.JuryFixtures.juror;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.applications.JuryFixtures;
import org.mediaartscities.applications.Review;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.shared.content.ContentItem;

/**
 * A jury per call: only the reviewers a call's jury names (by a verified address) see and score its applications;
 * a reviewer sees their own review only; recusals; everyone else gets a 403 and changes nothing.
 */
class JuryTest {

  private static final String ANA = "ana@example.org";
  private static final String BEN = "ben@example.org";
  private static final String CARL = "carl@example.org";
  private static final String SCORES = "{\"scores\": {\"quality\": %d, \"relevance\": %d}, \"comment\": \"Vu.\"}";

  private static ApplicationsTestBed bed;
  private static JuryFixtures fixtures;
  private static ContentItem lyon;
  private static ContentItem hamar;
  private static ContentItem unjudged;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(JuryTest.class);
    fixtures = new JuryFixtures(bed);
    lyon = fixtures.call("lyon-jury", "lyon", JuryFixtures.FORM);
    hamar = fixtures.call("hamar-jury", "hamar", JuryFixtures.FORM);
    unjudged = fixtures.call("lyon-no-ana", "lyon", JuryFixtures.FORM);
    fixtures.jury(lyon, ANA, "Ben@Example.org");
    fixtures.jury(hamar, ANA);
    fixtures.jury(unjudged, BEN);
  }

  @Test
  void anAssignedJurorScoresAndSeesTheCriteriaInTheirLanguageButOnlyTheirOwnReview() {
    Application application = fixtures.submitted(lyon, "scored@example.org");

    assertThat(review(juror(ANA), application, 5, 10).getStatusCode()).isEqualTo(200);
    assertThat(review(juror(BEN), application, 1, 2).getStatusCode()).isEqualTo(200);

    JsonNode anasView = json(detail(juror(ANA), application, "en"));
    assertThat(anasView.get("criteria").findValuesAsText("name")).containsExactly("Quality", "Relevance");
    assertThat(anasView.get("criteria").findValuesAsText("scale")).containsExactly("5", "10");
    assertThat(anasView.get("criteria").findValuesAsText("weight")).containsExactly("2.0", "1.0");
    assertThat(anasView.get("reviews").findValuesAsText("reviewer")).containsExactly("reviewer-" + ANA);
    assertThat(anasView.has("score")).isFalse();
    assertThat(anasView.has("reviewCount")).isFalse();
    JsonNode anasList = json(list(juror(ANA), lyon, "lang", "fr"));
    assertThat(anasList.get("criteria").findValuesAsText("name")).containsExactly("Qualité", "Pertinence");
    JsonNode anasRow = row(anasList, application);
    assertThat(anasRow.has("score")).isFalse();
    assertThat(anasRow.get("reviewedByMe").asBoolean()).isTrue();
    assertThat(list(juror(ANA), lyon, "sort", "score").getStatusCode()).isEqualTo(403);
    assertThat(list(juror(ANA), lyon, "minScore", "10").getStatusCode()).isEqualTo(403);

    JsonNode editorsView = json(detail(ApiEvents.editor("lyon"), application, "en"));
    // (2 × 5/5 + 1 × 10/10) / 3 = 100 and (2 × 1/5 + 1 × 2/10) / 3 = 20: the mean is 60.
    assertThat(editorsView.get("score").asDouble()).isEqualTo(60.0);
    assertThat(editorsView.get("reviews")).hasSize(2);
    assertThat(row(json(list(ApiEvents.editor("lyon"), lyon, "sort", "score")), application).get("score").asDouble())
        .isEqualTo(60.0);
  }

  @Test
  void aReviewerTheJuryDoesNotNameIsRefusedAndChangesNothing() {
    Application application = fixtures.submitted(lyon, "guarded@example.org");

    for (var response : List.of(list(juror(CARL), lyon), detail(juror(CARL), application, "en"),
        review(juror(CARL), application, 3, 3), recuse(juror(CARL), application, "Conflit."))) {
      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(403);
      assertThat(response.getBody()).doesNotContain("guarded@example.org");
    }
    assertThat(fixtures.stores().reviews().of(application.id())).isEmpty();
  }

  @Test
  void aJurorWhoseAddressIsNotVerifiedIsRefused() {
    Application application = fixtures.submitted(lyon, "unverified.juror@example.org");
    var unverified = JuryFixtures.unverifiedJuror(ANA);

    assertThat(list(unverified, lyon).getStatusCode()).isEqualTo(403);
    assertThat(detail(unverified, application, "en").getStatusCode()).isEqualTo(403);
    assertThat(review(unverified, application, 4, 4).getStatusCode()).isEqualTo(403);
    assertThat(review(Map.of("sub", "no-email", "cognito:groups", "[reviewers]"), application, 4, 4)
        .getStatusCode()).isEqualTo(403);
    assertThat(json(admin(unverified, "GET /admin/jury/calls", "/admin/jury/calls", null)).get("items")).isEmpty();
    assertThat(fixtures.stores().reviews().of(application.id())).isEmpty();
  }

  @Test
  void editorsOfAnotherCityAreRefusedAndChangeNothing() {
    Application application = fixtures.submitted(lyon, "other.city@example.org");
    var linz = ApiEvents.editor("linz");

    assertThat(list(linz, lyon).getStatusCode()).isEqualTo(403);
    assertThat(detail(linz, application, "en").getStatusCode()).isEqualTo(403);
    assertThat(review(linz, application, 4, 4).getStatusCode()).isEqualTo(403);
    assertThat(admin(linz, "POST /admin/applications/{id}/decision", "/admin/applications/" + application.id()
        + "/decision", "{\"decision\": \"accept\"}").getStatusCode()).isEqualTo(403);
    assertThat(fixtures.stores().reviews().of(application.id())).isEmpty();
    assertThat(fixtures.stores().applications().get(application.id()).orElseThrow().application().status())
        .isEqualTo(Application.Status.SUBMITTED);
  }

  @Test
  void aJurorListsTheCallsTheirJuryNamesWithTheirSubmittedApplications() {
    fixtures.submitted(hamar, "counted.1@example.org");
    fixtures.submitted(hamar, "counted.2@example.org");
    fixtures.draft(hamar, "not.counted@example.org");

    JsonNode calls = json(admin(juror(ANA), "GET /admin/jury/calls", "/admin/jury/calls", null, "lang", "en"))
        .get("items");

    assertThat(calls.findValuesAsText("id")).containsExactlyInAnyOrder(lyon.id(), hamar.id());
    JsonNode hamarCall = calls.get(calls.findValuesAsText("id").indexOf(hamar.id()));
    assertThat(hamarCall.get("title").asText()).isEqualTo("Call hamar-jury");
    assertThat(hamarCall.get("submitted").asInt()).isEqualTo(2);
    assertThat(hamarCall.get("closesAt").asText()).isNotBlank();
  }

  @Test
  void aJurorNeverReadsADraftButTheCallsEditorsDo() {
    Application draft = fixtures.draft(lyon, "still.drafting@example.org");

    var jurors = detail(juror(ANA), draft, "en");
    assertThat(jurors.getStatusCode()).isEqualTo(409);
    assertThat(json(jurors).get("error").get("code").asText()).isEqualTo("not_submitted");
    assertThat(jurors.getBody()).doesNotContain("still.drafting");
    assertThat(detail(ApiEvents.editor("lyon"), draft, "en").getStatusCode()).isEqualTo(200);
  }

  @Test
  void onlyAVerifiedReviewerIsListedTheCallsOfTheirJuries() {
    // An editor of another city, named on Lyon's jury by a verified address, is no juror: nothing is listed.
    Map<String, String> editorNamed = new java.util.HashMap<>(ApiEvents.editor("hamar"));
    editorNamed.put("email", ANA);
    editorNamed.put("email_verified", "true");

    assertThat(json(admin(editorNamed, "GET /admin/jury/calls", "/admin/jury/calls", null)).get("items")).isEmpty();
    assertThat(json(admin(juror(ANA), "GET /admin/jury/calls", "/admin/jury/calls", null)).get("items")).isNotEmpty();
  }

  @Test
  void aRecusedJurorNoLongerSeesTheApplicationAndTheirReviewLeavesTheMean() {
    Application application = fixtures.submitted(lyon, "recused@example.org");
    review(juror(ANA), application, 1, 1);
    review(juror(BEN), application, 5, 10);

    assertThat(recuse(juror(ANA), application, "   ").getStatusCode()).isEqualTo(400);
    assertThat(recuse(juror(ANA), application, "x".repeat(1001)).getStatusCode()).isEqualTo(400);
    var recused = recuse(juror(ANA), application, "J'ai enseigné à cette artiste\u0007.\r\nL'an dernier.\t");
    assertThat(recused.getStatusCode()).as(recused.getBody()).isEqualTo(200);
    assertThat(json(recused).get("recusal").get("reason").asText())
        .isEqualTo("J'ai enseigné à cette artiste.\nL'an dernier.");

    var detail = detail(juror(ANA), application, "en");
    assertThat(detail.getStatusCode()).isEqualTo(403);
    assertThat(json(detail).get("error").get("code").asText()).isEqualTo("recused");
    assertThat(review(juror(ANA), application, 5, 5).getStatusCode()).isEqualTo(403);
    JsonNode editorsRow = row(json(list(ApiEvents.editor("lyon"), lyon)), application);
    assertThat(editorsRow.get("score").asDouble()).isEqualTo(100.0);
    assertThat(editorsRow.get("reviewCount").asInt()).isEqualTo(1);
    assertThat(editorsRow.get("recusals").get(0).get("email").asText()).isEqualTo(ANA);
    assertThat(editorsRow.get("recusals").get(0).get("reason").asText()).startsWith("J'ai enseigné");
    assertThat(row(json(list(juror(ANA), lyon)), application).get("recusedByMe").asBoolean()).isTrue();
    String csv = admin(ApiEvents.editor("lyon"), "GET /admin/calls/{id}/export.csv", "/admin/calls/" + lyon.id()
        + "/export.csv", null).getBody();
    assertThat(csv).contains("Recusals").contains(ANA + ": J'ai enseigné");
  }

  @Test
  void concurrentReviewsAndARecusalLeaveOneConsistentStateInTheStore() throws Exception {
    Application application = fixtures.submitted(lyon, "raced@example.org");
    var tasks = new ArrayList<Callable<APIGatewayV2HTTPResponse>>();
    for (int i = 0; i < 8; i++) {
      int score = 1 + i % 5;
      tasks.add(() -> review(juror(ANA), application, score, score));
      tasks.add(() -> review(juror(BEN), application, score, score));
    }
    tasks.add(4, () -> recuse(juror(ANA), application, "Conflit d'intérêts."));

    var statuses = new ArrayList<Integer>();
    try (var pool = Executors.newFixedThreadPool(6)) {
      for (Future<APIGatewayV2HTTPResponse> done : pool.invokeAll(tasks)) {
        statuses.add(done.get().getStatusCode());
      }
    }

    assertThat(statuses).containsOnly(200, 403);
    List<Review> stored = fixtures.stores().reviews().of(application.id());
    assertThat(stored).hasSize(2);
    Review anas = stored.stream().filter(r -> r.reviewer().equals("reviewer-" + ANA)).findFirst().orElseThrow();
    Review bens = stored.stream().filter(r -> r.reviewer().equals("reviewer-" + BEN)).findFirst().orElseThrow();
    assertThat(anas.isRecusal()).isTrue();
    assertThat(anas.counts()).isFalse();
    assertThat(bens.counts()).isTrue();
    double expected = (2.0 * bens.scores().get("quality") / 5 + bens.scores().get("relevance") / 10.0) / 3 * 100;
    assertThat(json(detail(ApiEvents.admin(), application, "en")).get("score").asDouble())
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.06));
  }

  @Test
  void aWithdrawnApplicationLeavesTheJurysListWithItsReviews() {
    Application kept = fixtures.submitted(unjudged, "kept@example.org");
    Application withdrawn = fixtures.submitted(unjudged, "withdrawn@example.org");
    Application after = fixtures.submitted(unjudged, "after@example.org");
    review(juror(BEN), withdrawn, 3, 3);
    var store = fixtures.stores().applications();
    var stored = store.get(withdrawn.id()).orElseThrow();
    store.replace(stored.application().withdrawn(java.time.Instant.now()), stored);

    var seen = new ArrayList<String>();
    String cursor = null;
    do {
      JsonNode page = json(cursor == null ? list(juror(BEN), unjudged, "limit", "1")
          : list(juror(BEN), unjudged, "limit", "1", "cursor", cursor));
      seen.addAll(page.get("items").findValuesAsText("applicationId"));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);

    assertThat(seen).containsExactly(kept.id(), after.id());
    assertThat(list(juror(BEN), unjudged, "limit", "1", "cursor", "not-a-cursor").getStatusCode()).isEqualTo(400);
  }

  private static JsonNode row(JsonNode list, Application application) {
    for (JsonNode row : list.get("items")) {
      if (row.get("applicationId").asText().equals(application.id())) {
        return row;
      }
    }
    throw new AssertionError(application.id() + " not in " + list);
  }

  private static APIGatewayV2HTTPResponse review(Map<String, String> claims, Application application, int quality,
      int relevance) {
    return admin(claims, "PUT /admin/applications/{id}/review", "/admin/applications/" + application.id()
        + "/review", SCORES.formatted(quality, relevance));
  }

  private static APIGatewayV2HTTPResponse recuse(Map<String, String> claims, Application application, String why) {
    return admin(claims, "POST /admin/applications/{id}/recusal", "/admin/applications/" + application.id()
        + "/recusal", org.mediaartscities.shared.json.Json.write(Map.of("reason", why)));
  }

  private static APIGatewayV2HTTPResponse detail(Map<String, String> claims, Application application, String lang) {
    return admin(claims, "GET /admin/applications/{id}", "/admin/applications/" + application.id(), null, "lang",
        lang);
  }

  private static APIGatewayV2HTTPResponse list(Map<String, String> claims, ContentItem call, String... query) {
    return admin(claims, "GET /admin/calls/{id}/applications", "/admin/calls/" + call.id() + "/applications", null,
        query);
  }

  private static APIGatewayV2HTTPResponse admin(Map<String, String> claims, String routeKey, String path, String body,
      String... query) {
    return bed.admin(claims, routeKey, path, body, query);
  }
}
