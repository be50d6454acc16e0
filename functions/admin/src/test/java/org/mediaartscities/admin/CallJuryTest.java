package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mediaartscities.admin.AdminTestBed.admin;
import static org.mediaartscities.admin.AdminTestBed.editor;
import static org.mediaartscities.admin.AdminTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.shared.content.Jury;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.VersionConflictException;
import org.mediaartscities.shared.json.Json;

/**
 * A call's jury through {@code GET}/{@code PUT /admin/calls/{id}/jury}: addresses checked and normalised, its own
 * version, and the jurors' index rows ({@code callsJudgedBy}) always matching the jury row, in the store.
 */
class CallJuryTest {

  private static AdminTestBed bed;

  @BeforeAll
  static void cities() {
    bed = new AdminTestBed(CallJuryTest.class);
    SampleData.cities().forEach(bed.store::putCity);
  }

  @Test
  void aCallWithoutJuryHasNobodyAtVersionZero() {
    String id = bed.call("lyon", "no-jury-yet");

    APIGatewayV2HTTPResponse response = getJury(id);

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("etag", "\"0\"");
    assertThat(json(response).get("reviewers")).isEmpty();
    assertThat(bed.repository.jury(id)).isEmpty();
  }

  @Test
  void addingAndRemovingJurorsKeepsTheirIndexRowsInStep() {
    String id = bed.call("lyon", "jury-in-step");
    String other = bed.call("lyon", "jury-other-call");
    putJury(other, "{\"reviewers\": [\"ana@example.org\"]}", "\"0\"");

    APIGatewayV2HTTPResponse first = putJury(id,
        "{\"reviewers\": [\" Ana@Example.org \", \"ben@example.org\", \"ana@example.org\"]}", "\"0\"");
    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
    assertThat(first.getHeaders()).containsEntry("etag", "\"1\"");
    assertThat(json(first).get("reviewers")).extracting(n -> n.asText())
        .containsExactly("ana@example.org", "ben@example.org");
    assertThat(bed.repository.callsJudgedBy("ana@example.org")).containsExactlyInAnyOrder(id, other);
    assertThat(bed.repository.callsJudgedBy("BEN@example.org")).containsExactly(id);

    APIGatewayV2HTTPResponse second = putJury(id, "{\"reviewers\": [\"ben@example.org\", \"chloe@example.org\"]}",
        "\"1\"");
    assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(200);
    assertThat(bed.repository.jury(id)).contains(new Jury(id, List.of("ben@example.org", "chloe@example.org"), 2));
    assertThat(bed.repository.callsJudgedBy("ana@example.org")).containsExactly(other);
    assertThat(bed.repository.callsJudgedBy("ben@example.org")).containsExactly(id);
    assertThat(bed.repository.callsJudgedBy("chloe@example.org")).containsExactly(id);

    APIGatewayV2HTTPResponse emptied = putJury(id, "{\"reviewers\": []}", "\"2\"");
    assertThat(emptied.getStatusCode()).isEqualTo(200);
    assertThat(bed.repository.callsJudgedBy("ben@example.org")).isEmpty();
    assertThat(bed.repository.callsJudgedBy("chloe@example.org")).isEmpty();
    assertThat(json(getJury(id)).get("version").asLong()).isEqualTo(3);
  }

  @Test
  void jurorsRowsNeverShowInTheEditorsOrThePublicLists() {
    String id = bed.call("lyon", "jury-not-listed");
    putJury(id, "{\"reviewers\": [\"listed@example.org\"]}", "\"0\"");
    bed.admin(editor("lyon"), "POST /admin/{kind}/{id}/publish", "/admin/calls/" + id + "/publish", null);

    var editorial = bed.repository.editorialList(Kind.CALL, "lyon", null, 100, null).items();
    var publicList = json(bed.publicApi("GET /calls", "/calls", "city", "lyon")).get("items");

    assertThat(editorial).isNotEmpty().allMatch(e -> e.item().kind() == Kind.CALL);
    assertThat(editorial).filteredOn(e -> e.item().id().equals(id)).hasSize(1);
    assertThat(publicList).filteredOn(i -> i.get("id").asText().equals(id)).hasSize(1);
    assertThat(publicList.toString()).doesNotContain("listed@example.org");
  }

  @ParameterizedTest(name = "{0} → 400 {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"reviewers\": [\"a@example.org\", \"b@example.org\", \"not-an-address\"]} | reviewers[2]",
      "{\"reviewers\": [\"a@example.org\", null]}                                   | reviewers[1]",
      "{\"reviewers\": [\"a@example.org\\nBcc: x@example.org\"]}                     | reviewers[0]",
      "{\"reviewers\": [\"\"]}                                                       | reviewers[0]",
      "{\"reviewers\": [42]}                                                         | reviewers[0]",
      "{\"reviewers\": \"a@example.org\"}                                            | reviewers",
      "{}                                                                            | reviewers",
      "{\"reviewers\": [], \"chair\": \"a@example.org\"}                             | chair"})
  void refusesABadJuryNamingTheEntryAndStoresNothing(String body, String field) {
    String id = bed.call("lyon", "bad-jury-" + Math.abs(body.hashCode()));
    putJury(id, "{\"reviewers\": [\"keep@example.org\"]}", "\"0\"");

    APIGatewayV2HTTPResponse response = putJury(id, body, "\"1\"");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo(field);
    assertThat(bed.repository.jury(id)).contains(new Jury(id, List.of("keep@example.org"), 1));
  }

  @Test
  void refusesMoreReviewersThanOneTransactionHolds() {
    String id = bed.call("lyon", "too-large-jury");
    List<String> many = IntStream.rangeClosed(0, Jury.MAX_REVIEWERS).mapToObj(i -> "r" + i + "@example.org")
        .toList();

    APIGatewayV2HTTPResponse tooMany = putJury(id, Json.write(java.util.Map.of("reviewers", many)), "\"0\"");
    APIGatewayV2HTTPResponse full = putJury(id, Json.write(java.util.Map.of("reviewers", many.subList(1,
        many.size()))), "\"0\"");
    List<String> others = IntStream.range(0, Jury.MAX_REVIEWERS).mapToObj(i -> "s" + i + "@example.org").toList();
    APIGatewayV2HTTPResponse replaced = putJury(id, Json.write(java.util.Map.of("reviewers", others)), "\"1\"");

    assertThat(json(tooMany).get("error").get("field").asText()).isEqualTo("reviewers");
    assertThat(full.getStatusCode()).as(full.getBody()).isEqualTo(200);
    assertThat(replaced.getStatusCode()).as(replaced.getBody()).isEqualTo(200);
    assertThat(bed.repository.callsJudgedBy("r1@example.org")).isEmpty();
    assertThat(bed.repository.callsJudgedBy("s39@example.org")).containsExactly(id);
  }

  @Test
  void refusesASaveWithoutIfMatchOrAtAStaleVersionAndStoresNothing() {
    String id = bed.call("lyon", "guarded-jury");
    putJury(id, "{\"reviewers\": [\"first@example.org\"]}", "\"0\"");

    APIGatewayV2HTTPResponse missing = bed.admin(editor("lyon"), "PUT /admin/calls/{id}/jury",
        "/admin/calls/" + id + "/jury", "{\"reviewers\": [\"intruder@example.org\"]}");
    APIGatewayV2HTTPResponse stale = putJury(id, "{\"reviewers\": [\"intruder@example.org\"]}", "\"0\"");
    APIGatewayV2HTTPResponse ahead = putJury(id, "{\"reviewers\": [\"intruder@example.org\"]}", "\"5\"");

    assertThat(missing.getStatusCode()).isEqualTo(428);
    assertThat(stale.getStatusCode()).isEqualTo(412);
    assertThat(ahead.getStatusCode()).isEqualTo(412);
    assertThat(bed.repository.jury(id)).contains(new Jury(id, List.of("first@example.org"), 1));
    assertThat(bed.repository.callsJudgedBy("intruder@example.org")).isEmpty();
  }

  @RepeatedTest(3)
  void ofTwoConcurrentJurySavesOneWinsAndTheIndexMatchesIt() throws Exception {
    String run = Long.toString(System.nanoTime());
    String id = bed.call("lyon", "contended-jury-" + run);
    var start = new CountDownLatch(1);
    var saves = new ArrayList<Callable<APIGatewayV2HTTPResponse>>();
    for (String who : List.of("alice-" + run, "bob-" + run)) {
      String body = "{\"reviewers\": [\"" + who + "@example.org\", \"shared@example.org\"]}";
      saves.add(() -> {
        start.await();
        return putJury(id, body, "\"0\"");
      });
    }
    var responses = new ArrayList<APIGatewayV2HTTPResponse>();
    try (var pool = Executors.newFixedThreadPool(2)) {
      List<Future<APIGatewayV2HTTPResponse>> futures = saves.stream().map(pool::submit).toList();
      start.countDown();
      for (Future<APIGatewayV2HTTPResponse> future : futures) {
        responses.add(future.get());
      }
    }

    assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactlyInAnyOrder(200, 412);
    Jury stored = bed.repository.jury(id).orElseThrow();
    String winner = stored.names("alice-" + run + "@example.org") ? "alice-" + run : "bob-" + run;
    String loser = winner.startsWith("alice") ? "bob-" + run : "alice-" + run;
    assertThat(stored).isEqualTo(new Jury(id, List.of(winner + "@example.org", "shared@example.org"), 1));
    assertThat(bed.repository.callsJudgedBy(winner + "@example.org")).containsExactly(id);
    assertThat(bed.repository.callsJudgedBy(loser + "@example.org")).doesNotContain(id);
    assertThat(bed.repository.callsJudgedBy("shared@example.org")).contains(id);
  }

  @Test
  void deletingACallRemovesItsJury() {
    String id = bed.call("lyon", "deleted-with-jury");
    putJury(id, "{\"reviewers\": [\"gone@example.org\"]}", "\"0\"");

    APIGatewayV2HTTPResponse deleted = bed.admin(admin(), "DELETE /admin/{kind}/{id}", "/admin/calls/" + id, null);

    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertThat(bed.repository.jury(id)).isEmpty();
    assertThat(bed.repository.callsJudgedBy("gone@example.org")).isEmpty();
  }

  @Test
  void aDeletedCallGetsNoJury() {
    String id = bed.call("lyon", "deleted-before-jury");
    bed.admin(admin(), "DELETE /admin/{kind}/{id}", "/admin/calls/" + id, null);

    assertThatThrownBy(() -> bed.store.putJury(id, List.of("late@example.org"), 0))
        .isInstanceOf(VersionConflictException.class);
    assertThat(bed.repository.jury(id)).isEmpty();
    assertThat(bed.repository.callsJudgedBy("late@example.org")).isEmpty();
  }

  private static APIGatewayV2HTTPResponse getJury(String id) {
    return bed.admin(editor("lyon"), "GET /admin/calls/{id}/jury", "/admin/calls/" + id + "/jury", null);
  }

  private static APIGatewayV2HTTPResponse putJury(String id, String body, String ifMatch) {
    return bed.admin(editor("lyon"), "PUT /admin/calls/{id}/jury", "/admin/calls/" + id + "/jury", body,
        "If-Match", ifMatch);
  }
}
