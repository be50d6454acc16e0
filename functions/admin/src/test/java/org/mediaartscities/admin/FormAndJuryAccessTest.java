package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.admin.AdminTestBed.FORM;
import static org.mediaartscities.admin.AdminTestBed.admin;
import static org.mediaartscities.admin.AdminTestBed.editor;
import static org.mediaartscities.admin.AdminTestBed.json;
import static org.mediaartscities.admin.AdminTestBed.juror;
import static org.mediaartscities.admin.AdminTestBed.reviewer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.shared.content.Jury;

/**
 * Who may read and change a call's form and jury: its city's editors and admins. A reviewer (even one on the
 * call's jury), another city's editor and a caller without a role get 403, and the store is unchanged.
 */
class FormAndJuryAccessTest {

  private static final String JUROR = "ana@example.org";
  private static AdminTestBed bed;
  private static String lyonCall;
  private static String networkCall;

  @BeforeAll
  static void seed() {
    bed = new AdminTestBed(FormAndJuryAccessTest.class);
    SampleData.cities().forEach(bed.store::putCity);
    lyonCall = bed.call("lyon", "lyon-call");
    networkCall = bed.call(null, "network-call");
    for (String id : List.of(lyonCall, networkCall)) {
      assertThat(bed.admin(admin(), "PUT /admin/calls/{id}/form", "/admin/calls/" + id + "/form", FORM,
          "If-Match", "\"1\"").getStatusCode()).isEqualTo(200);
      assertThat(bed.admin(admin(), "PUT /admin/calls/{id}/jury", "/admin/calls/" + id + "/jury",
          "{\"reviewers\": [\"" + JUROR + "\"]}", "If-Match", "\"0\"").getStatusCode()).isEqualTo(200);
    }
  }

  /** The four routes, as (route key, suffix, body). */
  private static List<String[]> routes() {
    return List.of(
        new String[] {"GET /admin/calls/{id}/form", "/form", null},
        new String[] {"PUT /admin/calls/{id}/form", "/form", FORM.replace("\"maxTeamMembers\": 2",
            "\"maxTeamMembers\": 9")},
        new String[] {"GET /admin/calls/{id}/jury", "/jury", null},
        new String[] {"PUT /admin/calls/{id}/jury", "/jury", "{\"reviewers\": [\"intruder@example.org\"]}"});
  }

  static List<Arguments> refusals() {
    var cases = new ArrayList<Arguments>();
    List<Map<String, String>> strangers = List.of(editor("linz"), reviewer(), juror(JUROR),
        Map.of("sub", "nobody"));
    for (String[] route : routes()) {
      for (Map<String, String> caller : strangers) {
        cases.add(Arguments.of(route[0], "lyon", route[1], route[2], caller));
      }
      // A network-wide call is the admins' alone: even an editor is refused.
      cases.add(Arguments.of(route[0], "network", route[1], route[2], editor("lyon")));
    }
    return cases;
  }

  static List<Arguments> permitted() {
    var cases = new ArrayList<Arguments>();
    for (String[] route : routes()) {
      cases.add(Arguments.of(route[0], "lyon", route[1], route[2], editor("lyon")));
      cases.add(Arguments.of(route[0], "lyon", route[1], route[2], admin()));
      cases.add(Arguments.of(route[0], "network", route[1], route[2], admin()));
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} on the {1} call as {4}")
  @MethodSource("refusals")
  void isRefusedAndChangesNothing(String routeKey, String which, String suffix, String body,
      Map<String, String> caller) {
    String id = which.equals("lyon") ? lyonCall : networkCall;
    EditorialItem item = bed.repository.editorialItem(id).orElseThrow();
    Optional<Jury> jury = bed.repository.jury(id);
    List<String> intruderCalls = bed.repository.callsJudgedBy("intruder@example.org");

    APIGatewayV2HTTPResponse response = bed.admin(caller, routeKey, "/admin/calls/" + id + suffix, body,
        "If-Match", routeKey.endsWith("jury") ? "\"1\"" : StoredItems.etag(item.version()));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(403);
    assertThat(json(response).get("error").get("code").asText()).isEqualTo("forbidden");
    assertThat(bed.repository.editorialItem(id)).contains(item);
    assertThat(bed.repository.jury(id)).isEqualTo(jury);
    assertThat(bed.repository.callsJudgedBy("intruder@example.org")).isEqualTo(intruderCalls);
  }

  @ParameterizedTest(name = "{0} on the {1} call as {4}")
  @MethodSource("permitted")
  void theCitysEditorsAndAdminsMayUseThem(String routeKey, String which, String suffix, String body,
      Map<String, String> caller) {
    String id = which.equals("lyon") ? lyonCall : networkCall;
    String ifMatch = routeKey.endsWith("jury")
        ? StoredItems.etag(bed.repository.jury(id).map(Jury::version).orElse(0L))
        : StoredItems.etag(bed.repository.editorialItem(id).orElseThrow().version());

    APIGatewayV2HTTPResponse response = bed.admin(caller, routeKey, "/admin/calls/" + id + suffix, body,
        "If-Match", ifMatch);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
  }
}
