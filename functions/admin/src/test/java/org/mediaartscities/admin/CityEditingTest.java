package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.admin.AdminTestBed.admin;
import static org.mediaartscities.admin.AdminTestBed.fixture;
import static org.mediaartscities.admin.AdminTestBed.invoke;
import static org.mediaartscities.admin.AdminTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.local.SampleData;

/** Admins add and edit member cities; each bad value is a 400 naming its field. */
class CityEditingTest {

  private static final InstantSource IN_2026 = InstantSource.fixed(Instant.parse("2026-12-01T09:00:00Z"));
  private static AdminTestBed bed;

  @BeforeAll
  static void cities() {
    bed = new AdminTestBed(CityEditingTest.class);
    SampleData.cities().forEach(bed.store::putCity);
  }

  @Test
  void theSampleCityIsCreatedOnceThenEdited() {
    APIGatewayV2HTTPResponse created = bed.deployment.functions().invoke("AdminFunction", fixture("create-city"));
    APIGatewayV2HTTPResponse again = bed.deployment.functions().invoke("AdminFunction", fixture("create-city"));

    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    assertThat(created.getHeaders()).containsEntry("location", "/cities/atlantis");
    assertThat(bed.repository.city("atlantis").orElseThrow().name()).containsEntry("fr", "Atlantide");
    assertThat(again.getStatusCode()).isEqualTo(409);
    assertThat(json(again).get("error").get("field").asText()).isEqualTo("slug");

    APIGatewayV2HTTPResponse edited = bed.admin(admin(), "PUT /admin/cities/{slug}", "/admin/cities/atlantis",
        city("atlantis", "\u202EAtlantis\u202C la Grande\u0007", "https://atlantis.example.org", 2025));
    assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(200);
    assertThat(bed.repository.city("atlantis").orElseThrow().name()).containsEntry("en", "Atlantis la Grande");
  }

  @Test
  void editingAnUnknownCityIs404AndItsSlugCannotChange() {
    APIGatewayV2HTTPResponse unknown = bed.admin(admin(), "PUT /admin/cities/{slug}", "/admin/cities/mu",
        city("mu", "Mu", null, null));
    APIGatewayV2HTTPResponse renamed = bed.admin(admin(), "PUT /admin/cities/{slug}", "/admin/cities/lyon",
        city("lugdunum", "Lyon", null, null));

    assertThat(unknown.getStatusCode()).isEqualTo(404);
    assertThat(json(renamed).get("error").get("field").asText()).isEqualTo("slug");
    assertThat(bed.repository.city("lugdunum")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "ftp website | Ys | ftp://ys.example.org | null | website",
      "website without host | Ys | https:// | null | website",
      "blank name | '\u0001 ' | null | null | name.en",
      "name of 101 characters | LONG | null | null | name.en",
      "joined before the network | Ys | null | 2003 | joinedYear",
      "joined after next year | Ys | null | 2028 | joinedYear",
  })
  void refusesABadCityNamingTheField(String name, String cityName, String website, Integer joined, String field) {
    String body = city("ys", cityName.equals("LONG") ? "n".repeat(101) : cityName, website, joined);
    APIGatewayV2HTTPResponse response = invoke(bed.adminAt(IN_2026), AdminTestBed.event(admin(),
        "POST /admin/cities", "/admin/cities", body));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo(field);
    assertThat(bed.repository.city("ys")).isEmpty();
  }

  @Test
  void networkIsNotACitySlug() {
    int before = bed.repository.cities().size();
    APIGatewayV2HTTPResponse response = bed.admin(admin(), "POST /admin/cities", "/admin/cities",
        city("network", "Network", null, null));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo("slug");
    assertThat(bed.repository.city("network")).isEmpty();
    assertThat(bed.repository.cities()).hasSize(before);
  }

  @Test
  void aCityMayJoinNextYearOnTheServersClock() {
    APIGatewayV2HTTPResponse response = invoke(bed.adminAt(IN_2026), AdminTestBed.event(admin(),
        "POST /admin/cities", "/admin/cities", city("is", "Is", null, 2027)));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
  }

  private static String city(String slug, String name, String website, Integer joined) {
    return """
        {"slug": "%s", "name": {"en": "%s"}, "country": "FR", "continent": "europe",
         "coordinates": {"lat": 48.0, "lon": -4.3}, "languages": ["fr"], "website": %s, "joinedYear": %s}"""
        .formatted(slug, name.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0001", "\\u0001")
            .replace("\u0007", "\\u0007"), website == null ? "null" : "\"" + website + "\"", joined);
  }
}
