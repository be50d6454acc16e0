package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.admin.AdminTestBed.fixture;
import static org.mediaartscities.admin.AdminTestBed.invoke;
import static org.mediaartscities.admin.AdminTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.SampleData;

/** The samples of events/admin/, as {@code sam local invoke -e} sends them, do what their names say. */
class AdminSampleEventsTest {

  /** Before the time the schedule sample asks for (2026-12-10T18:00+01:00). */
  private static final InstantSource DECEMBER_FIRST = InstantSource.fixed(Instant.parse("2026-12-01T09:00:00Z"));
  private static AdminTestBed bed;

  @BeforeAll
  static void cities() {
    bed = new AdminTestBed(AdminSampleEventsTest.class);
    SampleData.cities().forEach(bed.store::putCity);
  }

  @Test
  void createThenListThenUpdateThenScheduleANewsItem() {
    AdminHandler handler = bed.adminAt(DECEMBER_FIRST);

    APIGatewayV2HTTPResponse created = invoke(handler, fixture("create-news"));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    JsonNode item = json(created);
    String id = item.get("id").asText();
    assertThat(item.get("slug").asText()).isEqualTo("digital-arts-night");
    assertThat(item.get("city").asText()).isEqualTo("lyon");
    assertThat(item.get("translations").get("fr").get("body").asText()).contains("\n- **concerts**\n");

    JsonNode drafts = json(invoke(handler, fixture("list-news-drafts"))).get("items");
    assertThat(drafts).isNotEmpty().allMatch(d -> d.get("status").asText().equals("draft"))
        .anyMatch(d -> d.get("id").asText().equals(id));

    APIGatewayV2HTTPResponse updated = invoke(handler, fixture("update-news", id));
    assertThat(updated.getStatusCode()).as(updated.getBody()).isEqualTo(200);
    assertThat(updated.getHeaders()).containsEntry("etag", "\"2\"");

    APIGatewayV2HTTPResponse stale = invoke(handler, fixture("schedule-news", id));
    assertThat(stale.getStatusCode()).isEqualTo(412);
    var schedule = fixture("schedule-news", id);
    schedule.getHeaders().put("if-match", "\"2\"");
    JsonNode scheduled = json(invoke(handler, schedule));
    assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
    assertThat(bed.repository.editorialItem(id).orElseThrow().item().publishedAt())
        .isEqualTo(Instant.parse("2026-12-10T17:00:00Z"));
  }

  @Test
  void giveACallItsFormAndItsJury() {
    AdminHandler handler = bed.adminAt(DECEMBER_FIRST);
    String id = bed.call("lyon", "sample-events-call");

    APIGatewayV2HTTPResponse noForm = invoke(handler, fixture("get-call-form", id));
    APIGatewayV2HTTPResponse savedForm = invoke(handler, fixture("save-call-form", id));
    APIGatewayV2HTTPResponse form = invoke(handler, fixture("get-call-form", id));
    APIGatewayV2HTTPResponse savedJury = invoke(handler, fixture("save-call-jury", id));
    APIGatewayV2HTTPResponse jury = invoke(handler, fixture("get-call-jury", id));

    assertThat(noForm.getStatusCode()).isEqualTo(404);
    assertThat(savedForm.getStatusCode()).as(savedForm.getBody()).isEqualTo(200);
    assertThat(form.getHeaders()).containsEntry("etag", "\"2\"");
    assertThat(json(form).get("blindReview").asBoolean()).isTrue();
    assertThat(bed.repository.item(id).orElseThrow().call().form().fields()).hasSize(5);
    assertThat(savedJury.getStatusCode()).as(savedJury.getBody()).isEqualTo(200);
    assertThat(jury.getHeaders()).containsEntry("etag", "\"1\"");
    assertThat(json(jury).get("reviewers")).extracting(JsonNode::asText)
        .containsExactly("ana@example.org", "ben.okafor@example.org");
    assertThat(bed.repository.callsJudgedBy("ana@example.org")).containsExactly(id);
  }
}
