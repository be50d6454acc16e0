package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.admin.AdminTestBed.FORM;
import static org.mediaartscities.admin.AdminTestBed.admin;
import static org.mediaartscities.admin.AdminTestBed.editor;
import static org.mediaartscities.admin.AdminTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.shared.json.Json;

/**
 * A call's application form through {@code GET}/{@code PUT /admin/calls/{id}/form}: stored with the call, versioned,
 * guarded by the item's ETag, every fault a 400 naming its path; and an ordinary edit of the call keeps it.
 */
class CallFormsTest {

  private static AdminTestBed bed;
  private static String badFormsCall;

  @BeforeAll
  static void cities() {
    bed = new AdminTestBed(CallFormsTest.class);
    SampleData.cities().forEach(bed.store::putCity);
    badFormsCall = bed.call("lyon", "bad-forms");
    APIGatewayV2HTTPResponse saved = putForm(badFormsCall, FORM, "\"1\"");
    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
  }

  @Test
  void savesAFormAndServesItWithTheItemsVersionAsETag() {
    String id = bed.call("lyon", "saves-a-form");

    APIGatewayV2HTTPResponse before = getForm(id);
    APIGatewayV2HTTPResponse first = putForm(id, FORM, "\"1\"");
    APIGatewayV2HTTPResponse read = getForm(id);
    APIGatewayV2HTTPResponse second = putForm(id, FORM.replace("\"maxTeamMembers\": 2", "\"maxTeamMembers\": 0"),
        "\"2\"");

    assertThat(before.getStatusCode()).isEqualTo(404);
    assertThat(json(before).get("error").get("code").asText()).isEqualTo("no_form");
    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
    assertThat(first.getHeaders()).containsEntry("etag", "\"2\"");
    assertThat(json(first).get("version").asInt()).isEqualTo(1);
    assertThat(read.getHeaders()).containsEntry("etag", "\"2\"");
    assertThat(json(read)).isEqualTo(json(first));
    assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(200);
    assertThat(second.getHeaders()).containsEntry("etag", "\"3\"");
    ApplicationForm stored = storedForm(id);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.maxTeamMembers()).isZero();
    assertThat(stored.blindReview()).isTrue();
    assertThat(stored.fields()).extracting(ApplicationForm.Field::id)
        .containsExactly("name", "statement", "portfolio", "discipline", "consent");
    assertThat(stored.fields().get(3).choices()).extracting(ApplicationForm.Choice::value)
        .containsExactly("sound", "light");
    assertThat(stored.criteria()).extracting(ApplicationForm.Criterion::weight).containsExactly(0.6, 0.4);
    assertThat(bed.repository.history(id)).extracting(h -> h.action()).containsExactly("created", "form", "form");
  }

  @Test
  void aFormReadCanBeSentBackAsIs() {
    String id = bed.call("lyon", "form-round-trip");
    putForm(id, FORM, "\"1\"");
    APIGatewayV2HTTPResponse read = getForm(id);

    APIGatewayV2HTTPResponse resent = putForm(id, read.getBody(), read.getHeaders().get("etag"));

    assertThat(resent.getStatusCode()).as(resent.getBody()).isEqualTo(200);
    assertThat(storedForm(id)).isEqualTo(Json.read(read.getBody(), ApplicationForm.class).withVersion(2));
  }

  @Test
  void refusesASaveWithoutIfMatchOrAtAStaleVersionAndStoresNothing() {
    String id = bed.call("lyon", "guarded-form");
    EditorialItem before = bed.repository.editorialItem(id).orElseThrow();

    APIGatewayV2HTTPResponse missing = bed.admin(editor("lyon"), "PUT /admin/calls/{id}/form",
        "/admin/calls/" + id + "/form", FORM);
    APIGatewayV2HTTPResponse stale = putForm(id, FORM, "\"7\"");
    APIGatewayV2HTTPResponse garbage = putForm(id, FORM, "\"seven\"");

    assertThat(missing.getStatusCode()).isEqualTo(428);
    assertThat(stale.getStatusCode()).isEqualTo(412);
    assertThat(garbage.getStatusCode()).isEqualTo(412);
    assertThat(bed.repository.editorialItem(id)).contains(before);
  }

  @Test
  void answersNotFoundForAnItemThatIsNotACall() {
    String news = json(bed.admin(editor("lyon"), "POST /admin/{kind}", "/admin/news",
        AdminTestBed.news(null, "Pas un appel", "Not a call"))).get("id").asText();

    assertThat(getForm(news).getStatusCode()).isEqualTo(404);
    assertThat(putForm(news, FORM, "\"1\"").getStatusCode()).isEqualTo(404);
    assertThat(bed.repository.item(news).orElseThrow().call()).isNull();
  }

  /** Bad forms as (the path the 400 must name, how the valid form is spoilt). */
  static Stream<Arguments> badForms() {
    return Stream.of(
        bad("fields", f -> f.remove("fields")),
        bad("fields", f -> f.putArray("fields")),
        bad("fields", f -> {
          for (int i = 0; i < FormRules.MAX_FIELDS; i++) {
            ((ArrayNode) f.get("fields")).add(field(f, 0).deepCopy().put("id", "extra-" + i));
          }
        }),
        bad("fields[2]", f -> ((ArrayNode) f.get("fields")).set(2, NullNode.getInstance())),
        bad("fields[0].id", f -> field(f, 0).remove("id")),
        bad("fields[0].id", f -> field(f, 0).put("id", "Full Name")),
        bad("fields[0].id", f -> field(f, 0).put("id", "x".repeat(FormRules.MAX_ID + 1))),
        bad("fields[1].id", f -> field(f, 1).put("id", "name")),
        bad("fields[0].type", f -> field(f, 0).remove("type")),
        bad("fields[0].type", f -> field(f, 0).put("type", "essay")),
        bad("fields[0].required", f -> field(f, 0).put("required", "yes")),
        bad("fields[0].colour", f -> field(f, 0).put("colour", "red")),
        bad("fields[0].label.fr", f -> field(f, 0).remove("label")),
        bad("fields[0].label.fr", f -> field(f, 0).putObject("label").put("en", "Name")),
        bad("fields[0].label.fr", f -> field(f, 0).putObject("label").put("fr", "  \u0007 ")),
        bad("fields[0].label.fr", f -> field(f, 0).putObject("label").put("fr", "N".repeat(FormRules.MAX_LABEL + 1))),
        bad("fields[0].label.en_GB", f -> ((ObjectNode) field(f, 0).get("label")).put("en_GB", "Name")),
        bad("fields[1].help.fr", f -> field(f, 1).putObject("help").put("fr", "h".repeat(FormRules.MAX_HELP + 1))),
        bad("fields[1].minWords", f -> field(f, 1).put("minWords", -1)),
        bad("fields[1].maxWords", f -> field(f, 1).put("maxWords", 0)),
        bad("fields[1].maxWords", f -> field(f, 1).put("maxWords", FormRules.MAX_WORDS + 1)),
        bad("fields[1].maxWords", f -> field(f, 1).put("minWords", 600)),
        bad("fields[0].minWords", f -> field(f, 0).put("minWords", 1)),
        bad("fields[4].maxWords", f -> field(f, 4).put("maxWords", 10)),
        bad("fields[0].choices", f -> field(f, 0).set("choices", field(f, 3).get("choices").deepCopy())),
        bad("fields[3].choices", f -> field(f, 3).putArray("choices")),
        bad("fields[3].choices", f -> field(f, 3).remove("choices")),
        bad("fields[3].choices", f -> {
          var choices = (ArrayNode) field(f, 3).get("choices");
          for (int i = 0; i < FormRules.MAX_CHOICES; i++) {
            choices.add(((ObjectNode) choices.get(0)).deepCopy().put("value", "c" + i));
          }
        }),
        bad("fields[3].choices[1]", f -> ((ArrayNode) field(f, 3).get("choices")).set(1, NullNode.getInstance())),
        bad("fields[3].choices[1].value", f -> choice(f, 3, 1).put("value", "sound")),
        bad("fields[3].choices[1].value", f -> choice(f, 3, 1).put("value", " ")),
        bad("fields[3].choices[1].value", f -> choice(f, 3, 1).remove("value")),
        bad("fields[3].choices[0].label.fr", f -> choice(f, 3, 0).putObject("label").put("en", "Sound")),
        bad("fields[2].fileTypes", f -> field(f, 2).remove("fileTypes")),
        bad("fields[2].fileTypes", f -> field(f, 2).putArray("fileTypes")),
        bad("fields[2].fileTypes[1]", f -> ((ArrayNode) field(f, 2).get("fileTypes")).set(1, "image/svg+xml")),
        bad("fields[2].fileTypes[1]", f -> ((ArrayNode) field(f, 2).get("fileTypes")).set(1, "application/pdf")),
        bad("fields[2].fileTypes[0]", f -> ((ArrayNode) field(f, 2).get("fileTypes")).set(0, "text/html")),
        bad("fields[2].maxFileBytes", f -> field(f, 2).put("maxFileBytes", 0)),
        bad("fields[2].maxFileBytes", f -> field(f, 2).put("maxFileBytes", FormRules.MAX_FILE_BYTES + 1)),
        bad("fields[2].maxFiles", f -> field(f, 2).put("maxFiles", 0)),
        bad("fields[2].maxFiles", f -> field(f, 2).put("maxFiles", FormRules.MAX_FILES + 1)),
        bad("fields[0].fileTypes", f -> field(f, 0).putArray("fileTypes").add("application/pdf")),
        bad("fields[4].maxFiles", f -> field(f, 4).put("maxFiles", 1)),
        bad("fields[4].maxFileBytes", f -> field(f, 4).put("maxFileBytes", 1000)),
        bad("criteria", f -> {
          var criteria = (ArrayNode) f.get("criteria");
          for (int i = 0; i < FormRules.MAX_CRITERIA; i++) {
            criteria.add(criterion(f, 0).deepCopy().put("id", "extra-" + i));
          }
        }),
        bad("criteria[1]", f -> ((ArrayNode) f.get("criteria")).set(1, NullNode.getInstance())),
        bad("criteria[0].id", f -> criterion(f, 0).put("id", "Quality!")),
        bad("criteria[1].id", f -> criterion(f, 1).put("id", "quality")),
        bad("criteria[0].name.fr", f -> criterion(f, 0).putObject("name").put("en", "Quality")),
        bad("criteria[0].name.fr", f -> criterion(f, 0).remove("name")),
        bad("criteria[0].weight", f -> criterion(f, 0).put("weight", 0)),
        bad("criteria[0].weight", f -> criterion(f, 0).put("weight", -0.5)),
        bad("criteria[0].weight", f -> criterion(f, 0).put("weight", FormRules.MAX_WEIGHT + 1)),
        bad("criteria[0].weight", f -> criterion(f, 0).put("weight", "heavy")),
        bad("criteria[1].scale", f -> criterion(f, 1).put("scale", 1)),
        bad("criteria[1].scale", f -> criterion(f, 1).put("scale", FormRules.MAX_SCALE + 1)),
        bad("maxTeamMembers", f -> f.put("maxTeamMembers", -1)),
        bad("maxTeamMembers", f -> f.put("maxTeamMembers", FormRules.MAX_TEAM_MEMBERS + 1)),
        bad("onePerEmail", f -> f.put("onePerEmail", "sometimes")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badForms")
  void refusesAMalformedFormNamingThePathAndStoresNothing(String path, String body) {
    EditorialItem before = bed.repository.editorialItem(badFormsCall).orElseThrow();

    APIGatewayV2HTTPResponse response = putForm(badFormsCall, body, StoredItems.etag(before.version()));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo(path);
    assertThat(bed.repository.editorialItem(badFormsCall)).contains(before);
  }

  @RepeatedTest(3)
  void ofTwoEditorsSavingAFormAtOnceOneWinsAndTheOtherGets412() throws Exception {
    String id = bed.call("lyon", "contended-form-" + System.nanoTime());
    var start = new CountDownLatch(1);
    var saves = new ArrayList<Callable<APIGatewayV2HTTPResponse>>();
    for (String team : List.of("0", "5")) {
      String body = FORM.replace("\"maxTeamMembers\": 2", "\"maxTeamMembers\": " + team);
      saves.add(() -> {
        start.await();
        return putForm(id, body, "\"1\"");
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
    JsonNode winner = json(responses.stream().filter(r -> r.getStatusCode() == 200).findFirst().orElseThrow());
    EditorialItem stored = bed.repository.editorialItem(id).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.item().call().form().version()).isEqualTo(1);
    assertThat(stored.item().call().form().maxTeamMembers()).isEqualTo(winner.get("maxTeamMembers").asInt());
    assertThat(bed.repository.history(id)).hasSize(2);
  }

  @Test
  void anEditOfTheCallKeepsItsFormExactly() {
    String id = bed.call("lyon", "edit-keeps-form");
    putForm(id, FORM, "\"1\"");
    ApplicationForm form = storedForm(id);
    JsonNode call = json(bed.admin(editor("lyon"), "GET /admin/{kind}/{id}", "/admin/calls/" + id, null));
    ((ArrayNode) ((ObjectNode) call).get("tags")).add("new-tag");

    APIGatewayV2HTTPResponse edited = bed.admin(editor("lyon"), "PUT /admin/{kind}/{id}", "/admin/calls/" + id,
        call.toString(), "If-Match", "\"2\"");

    assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(200);
    assertThat(json(edited).get("formVersion").asInt()).isEqualTo(1);
    EditorialItem stored = bed.repository.editorialItem(id).orElseThrow();
    assertThat(stored.item().tags()).containsExactly("residency", "new-tag");
    assertThat(stored.item().call().form()).isEqualTo(form);
    assertThat(bed.repository.history(id).getLast().changed()).containsExactly("tags");
    assertThat(json(getForm(id))).isEqualTo(tree(Json.write(form)));
  }

  @Test
  void thePublicCallShowsNeitherItsFormNorItsJury() {
    String id = bed.call("lyon", "public-call-without-internals");
    putForm(id, FORM, "\"1\"");
    bed.admin(editor("lyon"), "PUT /admin/calls/{id}/jury", "/admin/calls/" + id + "/jury",
        "{\"reviewers\": [\"secret.juror@example.org\"]}", "If-Match", "\"0\"");
    APIGatewayV2HTTPResponse published = bed.admin(editor("lyon"), "POST /admin/{kind}/{id}/publish",
        "/admin/calls/" + id + "/publish", null);
    assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(200);

    APIGatewayV2HTTPResponse detail = bed.publicApi("GET /calls/{slug}", "/calls/public-call-without-internals");
    APIGatewayV2HTTPResponse list = bed.publicApi("GET /calls", "/calls", "city", "lyon");

    assertThat(detail.getStatusCode()).as(detail.getBody()).isEqualTo(200);
    for (APIGatewayV2HTTPResponse response : List.of(detail, list)) {
      assertThat(response.getBody()).doesNotContain("secret.juror").doesNotContain("reviewers")
          .doesNotContain("\"form\"").doesNotContain("criteria").doesNotContain("Faisabilité");
    }
    assertThat(json(list).get("items")).anyMatch(i -> i.get("id").asText().equals(id));
  }

  private static APIGatewayV2HTTPResponse getForm(String id) {
    return bed.admin(editor("lyon"), "GET /admin/calls/{id}/form", "/admin/calls/" + id + "/form", null);
  }

  private static APIGatewayV2HTTPResponse putForm(String id, String body, String ifMatch) {
    return bed.admin(editor("lyon"), "PUT /admin/calls/{id}/form", "/admin/calls/" + id + "/form", body,
        "If-Match", ifMatch);
  }

  private static ApplicationForm storedForm(String id) {
    return bed.repository.item(id).orElseThrow().call().form();
  }

  private static Arguments bad(String path, Consumer<ObjectNode> spoil) {
    ObjectNode form = (ObjectNode) tree(FORM);
    spoil.accept(form);
    return Arguments.of(path, form.toString());
  }

  private static ObjectNode field(ObjectNode form, int index) {
    return (ObjectNode) form.get("fields").get(index);
  }

  private static ObjectNode choice(ObjectNode form, int field, int index) {
    return (ObjectNode) field(form, field).get("choices").get(index);
  }

  private static ObjectNode criterion(ObjectNode form, int index) {
    return (ObjectNode) form.get("criteria").get(index);
  }

  private static JsonNode tree(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
