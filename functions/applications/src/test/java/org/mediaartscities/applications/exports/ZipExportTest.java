package org.mediaartscities.applications.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.PDF;
import static org.mediaartscities.applications.ApplicationsTestBed.json;
import static org.mediaartscities.applications.ApplicationsTestBed.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.shared.content.CallStatus;

/** The ZIP of a call's files: asked for by an editor, built from the exports queue, downloaded through a link. */
class ZipExportTest {

  private static ApplicationsTestBed bed;
  private static String open;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(ZipExportTest.class);
    open = bed.call(CallStatus.OPEN);
  }

  @Test
  void anEditorGetsEverySubmittedFileOfTheCallInOneZipBuiltInTheBackground() throws Exception {
    JsonNode application = ready("zip.export@example.org");
    // Hostile names: a right-to-left override that shows cv<U+202E>fdp.hta as "cvath.pdf", a path, control characters.
    put(announce(application, "portfolio", "cv\u202Efdp.hta", "application/pdf", PDF.length), "application/pdf", PDF);
    put(announce(application, "portfolio", "../../x\\u0007\\u2066y:*.pdf", "application/pdf", PDF.length),
        "application/pdf", PDF);
    JsonNode draft = ready("zip.draft@example.org");
    put(announce(draft, "portfolio", "draft.pdf", "application/pdf", PDF.length), "application/pdf", PDF);
    bed.deployment.s3Events().deliverNew();
    var submitted = bed.call("POST /applications/{id}/submit", path(application) + "/submit", null,
        "x-application-token", token(application));
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(200);
    String reference = json(submitted).get("reference").asText();
    var call = bed.sample.stream().filter(i -> i.slug().equals(open)).findFirst().orElseThrow();
    String exports = "/admin/calls/" + call.id() + "/exports";
    var editor = call.city() == null ? ApiEvents.admin() : ApiEvents.editor(call.city());

    var requested = bed.admin(editor, "POST /admin/calls/{id}/exports", exports, null);
    assertThat(requested.getStatusCode()).as(requested.getBody()).isEqualTo(202);
    String exportId = json(requested).get("exportId").asText();
    assertThat(json(requested).get("status").asText()).isEqualTo("pending");
    var again = bed.admin(ApiEvents.admin(), "POST /admin/calls/{id}/exports", exports, null);
    assertThat(json(again).get("exportId").asText()).as("asking twice builds one ZIP").isEqualTo(exportId);

    bed.deployment.sqsEvents().drain();

    JsonNode done = exportStatus(editor, exports + "/" + exportId);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("ready");
    var entries = new java.util.LinkedHashMap<String, byte[]>();
    byte[] zip = ApplicationsTestBed.download(done.get("downloadUrl").asText());
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    assertThat(entries.keySet()).as("every entry named by the server").containsExactlyInAnyOrder("applications.csv",
        reference + "/portfolio-1.pdf", reference + "/portfolio-2.pdf");
    assertThat(entries.get(reference + "/portfolio-2.pdf")).isEqualTo(PDF);
    assertThat(new String(entries.get("applications.csv"), StandardCharsets.UTF_8)).contains(reference);
    assertThat(entries.keySet()).noneMatch(name -> name.contains("draft.pdf"))
        .noneMatch(name -> name.startsWith(draft.get("applicationId").asText()))
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
      var response = bed.admin(claims, "POST /admin/calls/{id}/exports", exports, null);
      assertThat(response.getStatusCode()).isEqualTo(403);
    }
    var unknown = bed.admin(ApiEvents.admin(), "GET /admin/calls/{id}/exports/{exportId}", exports + "/not-an-export",
        null);
    assertThat(unknown.getStatusCode()).isEqualTo(404);
  }

  private static JsonNode exportStatus(java.util.Map<String, String> claims, String path) {
    return json(bed.admin(claims, "GET /admin/calls/{id}/exports/{exportId}", path, null));
  }

  private static JsonNode ready(String email) {
    return bed.ready(open, email);
  }

  private static JsonNode announce(JsonNode application, String field, String name, String type, long size) {
    return bed.announce(application, field, name, type, size);
  }

  private static int put(JsonNode upload, String type, byte[] bytes) throws Exception {
    return upload(upload, type, bytes);
  }

  private static String path(JsonNode application) {
    return "/applications/" + application.get("applicationId").asText();
  }

  private static String token(JsonNode application) {
    return application.get("token").asText();
  }
}
