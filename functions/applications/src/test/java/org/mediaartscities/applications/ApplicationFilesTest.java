package org.mediaartscities.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.COMPLETE_ANSWERS;
import static org.mediaartscities.applications.ApplicationsTestBed.applyBody;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.local.lambda.ApiEvents;

/**
 * Portfolio files through presigned URLs to the local S3, checked by the S3-triggered file function, and the ZIP of
 * a call's files built from the exports queue.
 */
class ApplicationFilesTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final byte[] PDF = ("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);
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

    JsonNode forJury = json(bed.deployment.functions().invoke("ApplicationsFunction", ApiEvents.request(
        ApiEvents.reviewer(), "GET /admin/applications/{id}", "/admin/applications/" + id(application), null)));
    String url = forJury.get("files").get(0).get("downloadUrl").asText();
    byte[] downloaded = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
    assertThat(downloaded).isEqualTo(PDF);
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
    assertThat(stored.get("reason").asText()).contains("not a application/pdf");
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
    assertThat(objects(application)).hasSize(1);

    var deleted = bed.call("DELETE /applications/{id}", path(application), null, "x-application-token",
        token(application));

    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertThat(objects(application)).isEmpty();
  }

  @Test
  void anEditorGetsEverySubmittedFileOfTheCallInOneZipBuiltInTheBackground() throws Exception {
    JsonNode application = ready("zip.export@example.org");
    put(announce(application, "portfolio", "../../works.pdf", "application/pdf", PDF.length), "application/pdf", PDF);
    put(announce(application, "portfolio", "works.pdf", "application/pdf", PDF.length), "application/pdf", PDF);
    JsonNode draft = ready("zip.draft@example.org");
    put(announce(draft, "portfolio", "draft.pdf", "application/pdf", PDF.length), "application/pdf", PDF);
    bed.deployment.s3Events().deliverNew();
    bed.call("POST /applications/{id}/submit", path(application) + "/submit", null, "x-application-token",
        token(application));
    var call = bed.sample.stream().filter(i -> i.slug().equals(open)).findFirst().orElseThrow();
    String exports = "/admin/calls/" + call.id() + "/exports";
    var editor = call.city() == null ? ApiEvents.admin() : ApiEvents.editor(call.city());

    var requested = bed.deployment.functions().<com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse>
        invoke("ApplicationsFunction", ApiEvents.request(editor, "POST /admin/calls/{id}/exports", exports, null));
    assertThat(requested.getStatusCode()).as(requested.getBody()).isEqualTo(202);
    String exportId = json(requested).get("exportId").asText();
    assertThat(json(requested).get("status").asText()).isEqualTo("pending");
    var again = bed.deployment.functions().<com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse>
        invoke("ApplicationsFunction", ApiEvents.request(ApiEvents.admin(), "POST /admin/calls/{id}/exports", exports,
            null));
    assertThat(json(again).get("exportId").asText()).as("asking twice builds one ZIP").isEqualTo(exportId);

    bed.deployment.sqsEvents().drain();

    JsonNode done = exportStatus(editor, exports + "/" + exportId);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("ready");
    var entries = new java.util.LinkedHashMap<String, byte[]>();
    byte[] zip = HTTP.send(HttpRequest.newBuilder(URI.create(done.get("downloadUrl").asText())).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    String reference = application.get("reference").asText();
    assertThat(entries).containsKeys("applications.csv", reference + "/portfolio/works.pdf",
        reference + "/portfolio/works-2.pdf");
    assertThat(entries.get(reference + "/portfolio/works-2.pdf")).isEqualTo(PDF);
    assertThat(new String(entries.get("applications.csv"), StandardCharsets.UTF_8)).contains(reference);
    assertThat(entries.keySet()).noneMatch(name -> name.startsWith(draft.get("reference").asText()))
        .noneMatch(name -> name.contains(".."));

    // A redelivered message finds the job done and builds nothing.
    var sqs = bed.deployment.aws().clients().sqs();
    sqs.sendMessage(r -> r.queueUrl(sqs.getQueueUrl(q -> q.queueName(bed.deployment.name("ExportsQueue"))).queueUrl())
        .messageBody("{\"callId\": \"" + call.id() + "\", \"exportId\": \"" + exportId + "\"}"));
    bed.deployment.sqsEvents().drain();
    assertThat(exportStatus(ApiEvents.admin(), exports + "/" + exportId).get("finishedAt"))
        .isEqualTo(done.get("finishedAt"));
  }

  @Test
  void onlyTheCallsEditorsAndAdminsExportItsFiles() {
    var call = bed.sample.stream().filter(i -> i.slug().equals(open)).findFirst().orElseThrow();
    String other = "hamar".equals(call.city()) ? "york" : "hamar";
    String exports = "/admin/calls/" + call.id() + "/exports";
    for (var claims : java.util.List.of(ApiEvents.editor(other), ApiEvents.reviewer())) {
      var response = bed.deployment.functions().<com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse>
          invoke("ApplicationsFunction", ApiEvents.request(claims, "POST /admin/calls/{id}/exports", exports, null));
      assertThat(response.getStatusCode()).isEqualTo(403);
    }
    var unknown = bed.deployment.functions().<com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse>
        invoke("ApplicationsFunction", ApiEvents.request(ApiEvents.admin(), "GET /admin/calls/{id}/exports/{exportId}",
            exports + "/not-an-export", null));
    assertThat(unknown.getStatusCode()).isEqualTo(404);
  }

  private static JsonNode exportStatus(java.util.Map<String, String> claims, String path) {
    return json(bed.deployment.functions().invoke("ApplicationsFunction", ApiEvents.request(claims,
        "GET /admin/calls/{id}/exports/{exportId}", path, null)));
  }

  private static JsonNode ready(String email) {
    JsonNode application = json(bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications",
        applyBody(email)));
    bed.call("PUT /applications/{id}", path(application), COMPLETE_ANSWERS, "x-application-token", token(application));
    return application;
  }

  private static JsonNode announce(JsonNode application, String field, String name, String type, long size) {
    var response = bed.call("POST /applications/{id}/files", path(application) + "/files",
        "{\"fieldId\": \"%s\", \"fileName\": \"%s\", \"contentType\": \"%s\", \"size\": %d}".formatted(field, name,
            type, size), "x-application-token", token(application));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return json(response);
  }

  private static int put(JsonNode upload, String type, byte[] bytes) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText())).header("Content-Type", type)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static JsonNode get(JsonNode application) {
    return json(bed.call("GET /applications/{id}", path(application), null, "x-application-token",
        token(application)));
  }

  private static java.util.List<String> objects(JsonNode application) {
    try (var s3 = bed.deployment.aws().clients().s3()) {
      return s3.listObjectsV2(r -> r.bucket(bed.deployment.name("ApplicationsBucket"))
          .prefix("applications/" + id(application) + "/")).contents().stream().map(o -> o.key()).toList();
    }
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
