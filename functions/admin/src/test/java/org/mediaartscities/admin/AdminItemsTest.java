package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.admin.AdminTestBed.admin;
import static org.mediaartscities.admin.AdminTestBed.editor;
import static org.mediaartscities.admin.AdminTestBed.json;
import static org.mediaartscities.admin.AdminTestBed.news;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.local.SampleData;

/** Drafts, edits with If-Match, slugs, history and validation, through AdminFunction. */
class AdminItemsTest {

  private static AdminTestBed bed;

  @BeforeAll
  static void cities() {
    bed = new AdminTestBed(AdminItemsTest.class);
    SampleData.cities().forEach(bed.store::putCity);
  }

  @Test
  void createsADraftWithATransliteratedSlugAndVersionOne() {
    APIGatewayV2HTTPResponse response = create(editor("kosice"), news(null, "Košice : la nuit", "Košice: Night Ōsaka"));

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).containsEntry("etag", "\"1\"").containsKey("location");
    JsonNode item = json(response);
    assertThat(item.get("slug").asText()).isEqualTo("kosice-night-osaka");
    assertThat(item.get("status").asText()).isEqualTo("draft");
    assertThat(item.get("city").asText()).isEqualTo("kosice");
    assertThat(item.get("createdBy").asText()).isEqualTo("editor-kosice");
    assertThat(bed.publicApi("GET /news/{slug}", "/news/kosice-night-osaka").getStatusCode()).isEqualTo(404);
  }

  @Test
  void aClashingTitleGetsASuffixAndAChosenSlugThatIsTakenIs409() {
    String first = json(create(editor("lyon"), news(null, "Même titre", "Same title"))).get("slug").asText();
    String second = json(create(editor("lyon"), news(null, "Même titre", "Same title"))).get("slug").asText();
    assertThat(first).isEqualTo("same-title");
    assertThat(second).isEqualTo("same-title-2");

    APIGatewayV2HTTPResponse taken = create(editor("lyon"), news(null, "A", "B").replaceFirst("\\{",
        "{\"slug\": \"same-title\", "));
    assertThat(taken.getStatusCode()).isEqualTo(409);
    assertThat(json(taken).get("error").get("field").asText()).isEqualTo("slug");
  }

  @Test
  void anEditNeedsTheCurrentETagAndRecordsWhatChanged() {
    JsonNode created = json(create(editor("linz"), news(null, "Avant", "Before")));
    String path = "/admin/news/" + created.get("id").asText();
    String edited = news(null, "Après", "Before");

    APIGatewayV2HTTPResponse missing = bed.admin(editor("linz"), "PUT /admin/{kind}/{id}", path, edited);
    assertThat(missing.getStatusCode()).isEqualTo(428);
    APIGatewayV2HTTPResponse stale = bed.admin(editor("linz"), "PUT /admin/{kind}/{id}", path, edited,
        "If-Match", "\"7\"");
    assertThat(stale.getStatusCode()).isEqualTo(412);
    assertThat(get(path).get("translations").get("fr").get("title").asText()).isEqualTo("Avant");

    APIGatewayV2HTTPResponse saved = bed.admin(editor("linz"), "PUT /admin/{kind}/{id}", path, edited,
        "If-Match", "\"1\"");
    assertThat(saved.getStatusCode()).isEqualTo(200);
    assertThat(saved.getHeaders()).containsEntry("etag", "\"2\"");
    assertThat(json(saved).get("translations").get("fr").get("title").asText()).isEqualTo("Après");

    JsonNode history = json(bed.admin(editor("linz"), "GET /admin/{kind}/{id}/history", path + "/history", null))
        .get("items");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("action").asText()).isEqualTo("created");
    assertThat(history.get(1).get("action").asText()).isEqualTo("updated");
    assertThat(history.get(1).get("by").asText()).isEqualTo("editor-linz");
    assertThat(history.get(1).get("changed")).extracting(JsonNode::asText).containsExactly("translations.fr");
  }

  @Test
  void whatTheApiReturnsCanBeSentBackUnchanged() {
    JsonNode created = json(create(editor("lyon"), news(null, "Aller-retour", "Round trip")));
    String path = "/admin/news/" + created.get("id").asText();

    APIGatewayV2HTTPResponse saved = bed.admin(editor("lyon"), "PUT /admin/{kind}/{id}", path, created.toString(),
        "If-Match", "\"1\"");

    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
    assertThat(json(saved).get("version").asLong()).isEqualTo(2);
  }

  @Test
  void aRenamedItemStillAnswersItsOldSlugPublicly() {
    JsonNode created = json(create(editor("lyon"), news(null, "Ancien nom", "Old name")));
    String path = "/admin/news/" + created.get("id").asText();
    bed.admin(editor("lyon"), "POST /admin/{kind}/{id}/publish", path + "/publish", null);
    String renamed = news(null, "Nouveau nom", "New name").replaceFirst("\\{", "{\"slug\": \"new-name\", ");

    APIGatewayV2HTTPResponse saved = bed.admin(editor("lyon"), "PUT /admin/{kind}/{id}", path, renamed,
        "If-Match", "\"2\"");

    assertThat(json(saved).get("formerSlugs")).extracting(JsonNode::asText).containsExactly("old-name");
    JsonNode old = json(bed.publicApi("GET /news/{slug}", "/news/old-name"));
    assertThat(old.get("slug").asText()).isEqualTo("new-name");
    assertThat(old.get("movedFrom").asText()).isEqualTo("old-name");
    assertThat(bed.publicApi("GET /news/{slug}", "/news/new-name").getStatusCode()).isEqualTo(200);
  }

  @Test
  void editorsListTheirCitysItemsWithTheirStatus() {
    create(editor("namur"), news(null, "Brouillon de Namur", "Namur draft"));
    JsonNode items = json(bed.admin(editor("namur"), "GET /admin/{kind}", "/admin/news", null)).get("items");

    assertThat(items).isNotEmpty().allMatch(i -> i.get("city").asText().equals("namur"));
    APIGatewayV2HTTPResponse drafts = bed.admin(admin(), "GET /admin/{kind}", "/admin/news", null);
    assertThat(json(drafts).get("items").size()).isGreaterThanOrEqualTo(items.size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no translations | {\"translations\": {}} | translations",
      "no title | {\"translations\": {\"fr\": {\"summary\": \"s\"}}} | translations",
      "bad language | {\"translations\": {\"français\": {\"title\": \"t\"}}} | translations.français",
      "unknown field | {\"translations\": {\"fr\": {\"title\": \"t\"}}, \"colour\": \"red\"} | colour",
      "unknown nested field | {\"translations\": {\"fr\": {\"title\": \"t\", \"subtitle\": \"x\"}}} "
          + "| translations.fr.subtitle",
      "wrong type | {\"translations\": {\"fr\": {\"title\": \"t\"}}, \"tags\": \"festival\"} | tags",
      "bad tag | {\"translations\": {\"fr\": {\"title\": \"t\"}}, \"tags\": [\"Fête\"]} | tags[0]",
      "event field on news | {\"translations\": {\"fr\": {\"title\": \"t\"}}, \"startsAt\": \"x\"} | startsAt",
      "eligibility on news | {\"translations\": {\"fr\": {\"title\": \"t\", \"eligibility\": \"x\"}}} "
          + "| translations.fr.eligibility",
      "unknown city | {\"city\": \"atlantis\", \"translations\": {\"fr\": {\"title\": \"t\"}}} | city",
      "bad slug | {\"slug\": \"Not A Slug\", \"translations\": {\"fr\": {\"title\": \"t\"}}} | slug",
      "unknown image | {\"translations\": {\"fr\": {\"title\": \"t\"}}, \"images\": [{\"mediaId\": \"nope\"}]} "
          + "| images[0].mediaId",
      "not json | {\"translations\": | body",
      "array body | [] | body",
  })
  void refusesBadNewsNamingTheField(String name, String body, String field) {
    APIGatewayV2HTTPResponse response = bed.admin(admin(), "POST /admin/{kind}", "/admin/news", body);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo(field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ends before start | 2026-12-02T10:00:00+01:00 | 2026-12-01T10:00:00+01:00 | Europe/Paris | offline | endsAt",
      "bad zone | 2026-12-01T10:00:00+01:00 | 2026-12-01T12:00:00+01:00 | Europe/Lyon | offline | timeZone",
      "bad time | 2026-12-01 10:00 | 2026-12-01T12:00:00+01:00 | Europe/Paris | offline | startsAt",
      "bad mode | 2026-12-01T10:00:00+01:00 | 2026-12-01T12:00:00+01:00 | Europe/Paris | hybrid | attendanceMode",
      "online without url | 2026-12-01T10:00:00+01:00 | 2026-12-01T12:00:00+01:00 | Europe/Paris | online | "
          + "onlineUrl",
      "too long | 2026-01-01T10:00:00+01:00 | 2026-12-01T12:00:00+01:00 | Europe/Paris | offline | endsAt",
  })
  void refusesBadEventsNamingTheField(String name, String starts, String ends, String zone, String mode,
      String field) {
    String body = """
        {"translations": {"fr": {"title": "Concert"}}, "startsAt": "%s", "endsAt": "%s", "timeZone": "%s",
         "attendanceMode": "%s", "venue": {"name": "Salle", "address": "Lyon"}}""".formatted(starts, ends, zone, mode);

    APIGatewayV2HTTPResponse response = bed.admin(editor("lyon"), "POST /admin/{kind}", "/admin/events", body);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo(field);
  }

  @Test
  void refusesACallClosingBeforeItOpensAndAcceptsAValidOne() {
    String call = """
        {"translations": {"fr": {"title": "Appel", "eligibility": "Artistes", "award": "5 000 €"}},
         "opensAt": "%s", "closesAt": "%s", "timeZone": "Europe/Paris", "contact": {"email": "%s"}}""";

    APIGatewayV2HTTPResponse reversed = bed.admin(editor("lyon"), "POST /admin/{kind}", "/admin/calls",
        call.formatted("2026-12-10T09:00:00+01:00", "2026-12-01T09:00:00+01:00", "appel@example.org"));
    assertThat(json(reversed).get("error").get("field").asText()).isEqualTo("closesAt");
    APIGatewayV2HTTPResponse badEmail = bed.admin(editor("lyon"), "POST /admin/{kind}", "/admin/calls",
        call.formatted("2026-12-01T09:00:00+01:00", "2026-12-10T09:00:00+01:00", "not-an-email"));
    assertThat(json(badEmail).get("error").get("field").asText()).isEqualTo("contact.email");

    APIGatewayV2HTTPResponse valid = bed.admin(editor("lyon"), "POST /admin/{kind}", "/admin/calls",
        call.formatted("2026-12-01T09:00:00+01:00", "2026-12-10T23:59:00+01:00", "appel@example.org"));
    assertThat(valid.getStatusCode()).isEqualTo(201);
    assertThat(json(valid).get("closesAt").asText()).isEqualTo("2026-12-10T23:59:00+01:00");
  }

  @Test
  void oversizedKeysAreRefusedNamingTheFieldNeverA500() {
    String huge = "a".repeat(3000);
    var list = bed.admin(admin(), "GET /admin/{kind}", "/admin/news", null);
    var event = AdminTestBed.event(admin(), "GET /admin/{kind}", "/admin/news", null);
    event.setQueryStringParameters(java.util.Map.of("city", huge));
    var hugeCity = bed.deployment.functions().<APIGatewayV2HTTPResponse>invoke("AdminFunction", event);
    var bodyCity = bed.admin(admin(), "POST /admin/{kind}", "/admin/news",
        "{\"city\": \"" + huge + "\", \"translations\": {\"fr\": {\"title\": \"t\"}}}");
    var mediaId = bed.admin(admin(), "POST /admin/{kind}", "/admin/news",
        "{\"translations\": {\"fr\": {\"title\": \"t\"}}, \"images\": [{\"mediaId\": \"" + huge + "\"}]}");

    assertThat(list.getStatusCode()).isEqualTo(200);
    assertThat(json(hugeCity).get("error").get("field").asText()).isEqualTo("city");
    assertThat(hugeCity.getStatusCode()).isEqualTo(400);
    assertThat(json(bodyCity).get("error").get("field").asText()).isEqualTo("city");
    assertThat(json(mediaId).get("error").get("field").asText()).isEqualTo("images[0].mediaId");
  }

  @Test
  void anUnknownKindOrIdIs404() {
    assertThat(bed.admin(admin(), "GET /admin/{kind}", "/admin/posts", null).getStatusCode()).isEqualTo(404);
    assertThat(bed.admin(admin(), "GET /admin/{kind}/{id}", "/admin/news/missing", null).getStatusCode())
        .isEqualTo(404);
  }

  private static APIGatewayV2HTTPResponse create(java.util.Map<String, String> claims, String body) {
    return bed.admin(claims, "POST /admin/{kind}", "/admin/news", body);
  }

  private static JsonNode get(String path) {
    return json(bed.admin(admin(), "GET /admin/{kind}/{id}", path, null));
  }
}
