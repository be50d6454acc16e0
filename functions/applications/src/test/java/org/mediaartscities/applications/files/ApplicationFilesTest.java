package org.mediaartscities.applications.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.applications.JuryFixtures;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.local.lambda.ApiEvents;

/** Portfolio files through presigned URLs to the local S3, checked by the S3-triggered file function. */
class ApplicationFilesTest {

  private static final byte[] PDF = ApplicationsTestBed.PDF;
  private static ApplicationsTestBed bed;
  private static String open;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(ApplicationFilesTest.class);
    open = bed.call(CallStatus.OPEN);
  }

  @Test
  void anArtistAppliesWithTwoFilesThatReviewersCanDownload() throws Exception {
    JsonNode application = ready("two.files@example.org");
    JsonNode first = announce(application, "portfolio", "dossier.pdf", "application/pdf", PDF.length);
    JsonNode second = announce(application, "portfolio", "photo.pdf", "application/pdf", PDF.length);
    assertThat(put(first, "application/pdf", PDF)).isEqualTo(200);
    assertThat(put(second, "application/pdf", PDF)).isEqualTo(200);
    bed.deployment.s3Events().deliverNew();

    JsonNode view = get(application);
    assertThat(view.get("files").findValuesAsText("status")).containsExactly("ready", "ready");
    var submit = bed.call("POST /applications/{id}/submit", path(application) + "/submit", null,
        "x-application-token", token(application));
    assertThat(submit.getStatusCode()).as(submit.getBody()).isEqualTo(200);
    assertThat(json(submit).get("receipt").get("summary").toString()).contains("dossier.pdf").contains("photo.pdf");

    JsonNode forEditors = json(bed.admin(ApiEvents.admin(), "GET /admin/applications/{id}", "/admin/applications/"
        + id(application), null));
    assertThat(ApplicationsTestBed.download(forEditors.get("files").get(0).get("downloadUrl").asText()))
        .isEqualTo(PDF);
    var call = bed.sample.stream().filter(i -> i.slug().equals(open)).findFirst().orElseThrow();
    new JuryFixtures(bed).jury(call, "ana@example.org");
    JsonNode forJury = json(bed.admin(JuryFixtures.juror("ana@example.org"), "GET /admin/applications/{id}",
        "/admin/applications/" + id(application), null));
    String url = forJury.get("files").get(0).get("downloadUrl").asText();
    assertThat(url).contains("/reviewers/");
    assertThat(new String(ApplicationsTestBed.download(url), StandardCharsets.US_ASCII)).startsWith("%PDF-");
  }

  @Test
  void aTextFileSentAsPdfIsRejectedDeletedAndBlocksSubmission() throws Exception {
    JsonNode application = ready("fake.pdf@example.org");
    byte[] text = "just words, not a PDF".getBytes(StandardCharsets.UTF_8);
    JsonNode file = announce(application, "portfolio", "cv.pdf", "application/pdf", text.length);
    put(file, "application/pdf", text);
    bed.deployment.s3Events().deliverNew();

    JsonNode stored = get(application).get("files").get(0);
    assertThat(stored.get("status").asText()).isEqualTo("rejected");
    assertThat(stored.get("reason").asText()).isEqualTo("The file is not a PDF document.");
    assertThat(objects(application)).isEmpty();
    var submit = bed.call("POST /applications/{id}/submit", path(application) + "/submit", null,
        "x-application-token", token(application));
    assertThat(submit.getStatusCode()).isEqualTo(400);
    assertThat(json(submit).get("error").get("field").asText()).isEqualTo("answers.portfolio");
  }

  @Test
  void aFileStillBeingCheckedBlocksSubmission() {
    JsonNode application = ready("pending.file@example.org");
    announce(application, "portfolio", "later.pdf", "application/pdf", PDF.length);

    var submit = bed.call("POST /applications/{id}/submit", path(application) + "/submit", null,
        "x-application-token", token(application));

    assertThat(submit.getStatusCode()).isEqualTo(400);
    assertThat(json(submit).get("error").get("message").asText()).contains("still being checked");
  }

  @Test
  void badAnnouncementsAreRefusedNamingTheField() {
    JsonNode application = ready("bad.announcements@example.org");
    String[][] cases = {
        {"{\"fieldId\": \"statement\", \"contentType\": \"application/pdf\", \"size\": 10}", "fieldId"},
        {"{\"fieldId\": \"portfolio\", \"contentType\": \"image/gif\", \"size\": 10}", "contentType"},
        {"{\"fieldId\": \"portfolio\", \"contentType\": \"application/pdf\", \"size\": 99999999}", "size"},
        {"{\"fieldId\": \"portfolio\", \"contentType\": \"application/pdf\"}", "size"}};
    for (String[] bad : cases) {
      var response = bed.call("POST /applications/{id}/files", path(application) + "/files", bad[0],
          "x-application-token", token(application));
      assertThat(response.getStatusCode()).as(bad[0]).isEqualTo(400);
      assertThat(json(response).get("error").get("field").asText()).isEqualTo(bad[1]);
    }
    announce(application, "portfolio", "a.pdf", "application/pdf", PDF.length);
    announce(application, "portfolio", "b.pdf", "application/pdf", PDF.length);
    var third = bed.call("POST /applications/{id}/files", path(application) + "/files",
        "{\"fieldId\": \"portfolio\", \"contentType\": \"application/pdf\", \"size\": 10}", "x-application-token",
        token(application));
    assertThat(json(third).get("error").get("message").asText()).contains("at most 2 files");
  }

  @Test
  void deletingAnApplicationDeletesItsFiles() throws Exception {
    JsonNode application = ready("delete.files@example.org");
    put(announce(application, "portfolio", "gone.pdf", "application/pdf", PDF.length), "application/pdf", PDF);
    bed.deployment.s3Events().deliverNew();
    assertThat(objects(application)).as("the checked file and the reviewers' copy").containsExactlyInAnyOrder(
        "checked/" + id(application) + "/" + onlyFileId(application) + ".pdf",
        "reviewers/" + id(application) + "/" + onlyFileId(application) + ".pdf");

    var deleted = bed.call("DELETE /applications/{id}", path(application), null, "x-application-token",
        token(application));

    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertThat(objects(application)).isEmpty();
  }

  private static JsonNode ready(String email) {
    return bed.ready(open, email);
  }

  private static JsonNode announce(JsonNode application, String field, String name, String type, long size) {
    return bed.announce(application, field, name, type, size);
  }

  private static int put(JsonNode upload, String type, byte[] bytes) throws Exception {
    return ApplicationsTestBed.upload(upload, type, bytes);
  }

  private static JsonNode get(JsonNode application) {
    return json(bed.call("GET /applications/{id}", path(application), null, "x-application-token",
        token(application)));
  }

  private static java.util.List<String> objects(JsonNode application) {
    return bed.objectsOf(id(application));
  }

  private static String onlyFileId(JsonNode application) {
    return get(application).get("files").get(0).get("fileId").asText();
  }

  private static String id(JsonNode application) {
    return application.get("applicationId").asText();
  }

  private static String path(JsonNode application) {
    return "/applications/" + id(application);
  }

  private static String token(JsonNode application) {
    return application.get("token").asText();
  }
}
