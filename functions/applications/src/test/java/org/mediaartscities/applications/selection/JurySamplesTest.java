package org.mediaartscities.applications.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.applications.JuryFixtures;
import org.mediaartscities.shared.content.Kind;

/** The jury's sample events of events/selection/ (as {@code sam local invoke -e} takes them) get their answers. */
class JurySamplesTest {

  private static final String EVENTS = "../../events/selection/";
  private static ApplicationsTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(JurySamplesTest.class);
  }

  @Test
  void theJurorsSampleListsTheCallsTheirJuryNamesInTheirLanguage() {
    var call = bed.sample.stream().filter(i -> i.kind() == Kind.CALL && i.call().form() != null).findFirst()
        .orElseThrow();
    new JuryFixtures(bed).jury(call, "ana@example.org");

    APIGatewayV2HTTPResponse response = invoke("list-jurors-calls.json");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(json(response).get("items").findValuesAsText("id")).containsExactly(call.id());
    var preference = org.mediaartscities.shared.i18n.LanguagePreference.of(java.util.Optional.empty(),
        "fr-FR,fr;q=0.9,en;q=0.8");
    assertThat(json(response).get("items").get(0).get("title").asText()).isEqualTo(call.translations()
        .get(preference.choose(call.translations().keySet(), call.originalLanguage())).title());
  }

  @Test
  void theRecusalSampleNamesNoStoredApplication() {
    APIGatewayV2HTTPResponse response = invoke("recuse-from-application.json");

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(response.getHeaders()).containsKey("x-request-id");
  }

  @Test
  void theEditorsListSampleSortsByScore() {
    APIGatewayV2HTTPResponse response = invoke("list-call-applications.json");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(json(response).has("nextCursor")).isTrue();
    assertThat(json(response).get("criteria").isArray()).isTrue();
  }

  private static APIGatewayV2HTTPResponse invoke(String file) {
    return bed.deployment.functions().invoke(ApplicationsTestBed.SELECTION,
        EventLoader.loadApiGatewayHttpEvent(EVENTS + file));
  }
}
