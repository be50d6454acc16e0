package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.PublicationStatus;

/** A call its editor unpublished takes no more submissions, and a refused one changes nothing. */
class UnpublishedCallTest {

  @Test
  void aDraftOfAnUnpublishedCallCannotBeSubmitted() {
    var bed = new ApplicationsTestBed(UnpublishedCallTest.class);
    String slug = bed.call(CallStatus.OPEN);
    JsonNode application = bed.ready(slug, "too.late@example.org");
    String id = application.get("applicationId").asText();
    String token = application.get("token").asText();
    ContentItem call = bed.sample.stream().filter(i -> i.slug().equals(slug)).findFirst().orElseThrow();
    // What POST /admin/calls/{id}/unpublish writes: the item at its next version, out of every public list.
    var now = java.time.Instant.now();
    bed.content.replace(call.withStatus(PublicationStatus.UNPUBLISHED), 1,
        org.mediaartscities.shared.content.Editorial.created(now, "editor").changed(now, "editor"), false,
        new org.mediaartscities.shared.content.HistoryEntry(now, "editor", "unpublished", 2, java.util.List.of()));

    var submit = bed.call("POST /applications/{id}/submit", "/applications/" + id + "/submit", null,
        "x-application-token", token);

    assertThat(submit.getStatusCode()).as(submit.getBody()).isEqualTo(409);
    assertThat(json(submit).get("error").get("code").asText()).isEqualTo("call_withdrawn");
    JsonNode stored = json(bed.call("GET /applications/{id}", "/applications/" + id, null, "x-application-token",
        token));
    assertThat(stored.get("status").asText()).isEqualTo("draft");
    assertThat(stored.get("reference").isNull()).isTrue();
  }
}
