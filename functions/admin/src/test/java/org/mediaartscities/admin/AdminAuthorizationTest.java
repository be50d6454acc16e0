package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.admin.AdminTestBed.admin;
import static org.mediaartscities.admin.AdminTestBed.editor;
import static org.mediaartscities.admin.AdminTestBed.json;
import static org.mediaartscities.admin.AdminTestBed.news;
import static org.mediaartscities.admin.AdminTestBed.reviewer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.local.SampleData;

/**
 * Who may do what, for every admin route: an editor of another city and a reviewer are refused (403) and the
 * stored item is unchanged. (Missing, expired, forged and wrong-audience tokens are refused by the authorizer
 * before the function runs: AdminAuthorizerIT checks that over HTTP.)
 */
class AdminAuthorizationTest {

  private static AdminTestBed bed;
  private static String lyonItem;

  @BeforeAll
  static void seed() {
    bed = new AdminTestBed(AdminAuthorizationTest.class);
    SampleData.cities().forEach(bed.store::putCity);
    lyonItem = json(bed.admin(editor("lyon"), "POST /admin/{kind}", "/admin/news", news(null, "Lyon", "Lyon")))
        .get("id").asText();
  }

  /** Every admin route of template.yaml, as (route key, path, body). */
  static List<Object[]> routes() {
    String item = "/admin/news/" + lyonItem;
    String city = """
        {"slug": "atlantis", "name": {"en": "Atlantis"}, "country": "GR", "continent": "europe",
         "coordinates": {"lat": 36.4, "lon": 25.4}, "languages": ["en"]}""";
    return List.of(
        new Object[] {"POST /admin/{kind}", "/admin/news", news("lyon", "Intrus", "Intruder")},
        new Object[] {"GET /admin/{kind}", "/admin/news?city=lyon", null},
        new Object[] {"GET /admin/{kind}/{id}", item, null},
        new Object[] {"PUT /admin/{kind}/{id}", item, news(null, "Piraté", "Hacked")},
        new Object[] {"DELETE /admin/{kind}/{id}", item, null},
        new Object[] {"POST /admin/{kind}/{id}/publish", item + "/publish", null},
        new Object[] {"POST /admin/{kind}/{id}/unpublish", item + "/unpublish", null},
        new Object[] {"GET /admin/{kind}/{id}/history", item + "/history", null},
        new Object[] {"POST /admin/cities", "/admin/cities", city},
        new Object[] {"PUT /admin/cities/{slug}", "/admin/cities/lyon", city.replace("atlantis", "lyon")},
        new Object[] {"POST /admin/media", "/admin/media", "{\"contentType\": \"image/png\", \"size\": 100}"});
  }

  /** Every route, for callers who may not use it: any editor may ask to upload images for their own city. */
  static List<Arguments> refusals() {
    var cases = new ArrayList<Arguments>();
    for (Object[] route : routes()) {
      for (Map<String, String> caller : List.of(editor("linz"), reviewer(), Map.of("sub", "nobody"))) {
        boolean editorUpload = route[0].equals("POST /admin/media") && caller.equals(editor("linz"));
        if (!editorUpload) {
          cases.add(Arguments.of(route[0], route[1], route[2], caller));
        }
      }
    }
    return cases;
  }

  /** Deleting here would starve the other cases of their item; CityEditingTest edits cities. */
  static Stream<Object[]> adminRoutes() {
    return routes().stream().filter(r -> !((String) r[0]).startsWith("DELETE")
        && !((String) r[0]).startsWith("PUT /admin/cities"));
  }

  /** The item routes, without delete (which would starve the other cases of their item). */
  static Stream<Object[]> editorRoutes() {
    return routes().stream().filter(r -> !((String) r[0]).contains("cities") && !((String) r[0]).startsWith("DELETE"));
  }

  @ParameterizedTest(name = "{0} as {3}")
  @MethodSource("refusals")
  void isRefusedAndChangesNothing(String routeKey, String pathAndQuery, String body, Map<String, String> caller) {
    EditorialItem before = bed.repository.editorialItem(lyonItem).orElseThrow();
    var lyonCity = bed.repository.city("lyon").orElseThrow();
    var atlantis = bed.repository.city("atlantis");

    String path = pathAndQuery.split("\\?")[0];
    var event = AdminTestBed.event(caller, routeKey, path, body, "If-Match", "\"1\"");
    if (pathAndQuery.contains("?")) {
      String[] kv = pathAndQuery.split("\\?")[1].split("=");
      event.setQueryStringParameters(Map.of(kv[0], kv[1]));
    }
    APIGatewayV2HTTPResponse response = bed.deployment.functions().invoke("AdminFunction", event);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(403);
    assertThat(json(response).get("error").get("code").asText()).isEqualTo("forbidden");
    assertThat(bed.repository.editorialItem(lyonItem)).contains(before);
    assertThat(bed.repository.city("lyon")).contains(lyonCity);
    assertThat(bed.repository.city("atlantis")).isEqualTo(atlantis);
  }

  @ParameterizedTest(name = "admin may {0}")
  @MethodSource("adminRoutes")
  void anAdminMayUseEveryRoute(String routeKey, String pathAndQuery, String body) {
    String path = pathAndQuery.split("\\?")[0];
    APIGatewayV2HTTPResponse response = bed.admin(admin(), routeKey, path, body, "If-Match", currentVersion());
    assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 299);
  }

  @ParameterizedTest(name = "editor of lyon may {0}")
  @MethodSource("editorRoutes")
  void theCitysEditorMayUseTheItemRoutes(String routeKey, String pathAndQuery, String body) {
    String path = pathAndQuery.split("\\?")[0];
    APIGatewayV2HTTPResponse response = bed.admin(editor("lyon"), routeKey, path, body, "If-Match",
        currentVersion());
    assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 299);
  }

  private static String currentVersion() {
    return StoredItems.etag(bed.repository.editorialItem(lyonItem).orElseThrow().version());
  }

  @org.junit.jupiter.api.Test
  void onlyAdminsWriteNetworkWideItems() {
    int networkItemsBefore = networkNews().size();
    APIGatewayV2HTTPResponse editorAsksForNetwork = bed.admin(editor("lyon"), "POST /admin/{kind}", "/admin/news",
        "{\"city\": null, \"translations\": {\"en\": {\"title\": \"Network\"}}}");
    APIGatewayV2HTTPResponse editorLeavesCityOut = bed.admin(editor("lyon"), "POST /admin/{kind}", "/admin/news",
        "{\"translations\": {\"en\": {\"title\": \"Lyon, by default\"}}}");
    APIGatewayV2HTTPResponse adminTry = bed.admin(admin(), "POST /admin/{kind}", "/admin/news",
        "{\"translations\": {\"en\": {\"title\": \"Network news\"}}}");

    // "city": null asks for the network: an editor is refused, and nothing is stored for the network or Lyon.
    assertThat(editorAsksForNetwork.getStatusCode()).as(editorAsksForNetwork.getBody()).isEqualTo(403);
    assertThat(json(editorAsksForNetwork).get("error").get("code").asText()).isEqualTo("forbidden");
    assertThat(bed.repository.editorialList(org.mediaartscities.shared.content.Kind.NEWS, "lyon", null, 100, null)
        .items()).noneMatch(i -> i.item().translations().get("en").title().equals("Network"));
    // An editor who leaves the city out writes for their own city.
    assertThat(editorLeavesCityOut.getStatusCode()).as(editorLeavesCityOut.getBody()).isEqualTo(201);
    assertThat(json(editorLeavesCityOut).get("city").asText()).isEqualTo("lyon");
    assertThat(adminTry.getStatusCode()).isEqualTo(201);
    assertThat(json(adminTry).get("city").isNull()).isTrue();
    assertThat(networkNews()).hasSize(networkItemsBefore + 1);
  }

  @org.junit.jupiter.api.Test
  void anEditorCannotMoveTheirItemToTheNetwork() {
    EditorialItem before = bed.repository.editorialItem(lyonItem).orElseThrow();

    APIGatewayV2HTTPResponse response = bed.admin(editor("lyon"), "PUT /admin/{kind}/{id}", "/admin/news/" + lyonItem,
        "{\"city\": null, \"translations\": {\"en\": {\"title\": \"Moved\"}}}", "if-match",
        "\"" + before.version() + "\"");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(403);
    assertThat(bed.repository.editorialItem(lyonItem).orElseThrow()).isEqualTo(before);
  }

  private static List<EditorialItem> networkNews() {
    return bed.repository.editorialList(org.mediaartscities.shared.content.Kind.NEWS, "network", null, 100, null)
        .items();
  }
}
