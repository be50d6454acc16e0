package org.mediaartscities.applications.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.applications.JuryFixtures;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.shared.content.ContentItem;

/**
 * Drafts never reach the jury: a call flooded with 5,000 drafts and 200 submitted applications. The jury's list
 * pages through exactly the 200, each once; the CSV and the ZIP hold exactly those. The times are printed for
 * docs/PERFORMANCE.md.
 */
class DraftFloodTest {

  private static final int DRAFTS = 5_000;
  private static final int SUBMITTED = 200;
  private static final int PAGE = 30;

  private static ApplicationsTestBed bed;
  private static ContentItem call;
  private static Set<String> submitted;
  private static Set<String> references;

  @BeforeAll
  static void flood() throws Exception {
    bed = new ApplicationsTestBed(DraftFloodTest.class);
    var fixtures = new JuryFixtures(bed);
    call = fixtures.call("flooded-call", "lyon", JuryFixtures.FORM);
    fixtures.jury(call, "ana@example.org");
    long start = System.nanoTime();
    fixtures.drafts(call, DRAFTS / 2);
    submitted = new HashSet<>();
    references = new HashSet<>();
    for (int i = 0; i < SUBMITTED; i++) {
      Application application = fixtures.submitted(call, "submitted-" + i + "@example.org");
      submitted.add(application.id());
      references.add(application.reference());
    }
    fixtures.drafts(call, DRAFTS - DRAFTS / 2);
    System.out.printf("DraftFloodTest: arranged %,d drafts and %,d submitted applications in %d ms%n", DRAFTS,
        SUBMITTED, millis(start));
  }

  @Test
  void theJurysListPagesThroughExactlyTheSubmittedApplicationsEachOnce() {
    var seen = new ArrayList<String>();
    int pages = 0;
    String cursor = null;
    long start = System.nanoTime();
    do {
      var query = cursor == null ? new String[] {"limit", String.valueOf(PAGE)}
          : new String[] {"limit", String.valueOf(PAGE), "cursor", cursor};
      var response = bed.admin(JuryFixtures.juror("ana@example.org"), "GET /admin/calls/{id}/applications",
          "/admin/calls/" + call.id() + "/applications", null, query);
      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
      JsonNode page = json(response);
      assertThat(page.get("items").size()).isLessThanOrEqualTo(PAGE);
      seen.addAll(page.get("items").findValuesAsText("applicationId"));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 100);
    long elapsed = millis(start);

    assertThat(seen).hasSize(SUBMITTED).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(submitted);
    assertThat(pages).isEqualTo((SUBMITTED + PAGE - 1) / PAGE);
    System.out.printf("DraftFloodTest: the jury's list, %d pages of %d, read the %,d submitted applications among "
        + "%,d drafts in %d ms%n", pages, PAGE, SUBMITTED, DRAFTS, elapsed);
  }

  @Test
  void theCsvHoldsExactlyTheSubmittedApplications() {
    long start = System.nanoTime();
    var response = bed.admin(ApiEvents.editor("lyon"), "GET /admin/calls/{id}/export.csv", "/admin/calls/"
        + call.id() + "/export.csv", null);
    long elapsed = millis(start);

    assertThat(response.getStatusCode()).isEqualTo(200);
    String[] lines = response.getBody().split("\r\n");
    assertThat(lines).hasSize(SUBMITTED + 1);
    var csvReferences = new HashSet<String>();
    for (int i = 1; i < lines.length; i++) {
      csvReferences.add(lines[i].substring(1, lines[i].indexOf("\",")));
    }
    assertThat(csvReferences).isEqualTo(references);
    assertThat(response.getBody()).doesNotContain("draft-");
    System.out.printf("DraftFloodTest: the CSV of the %,d submitted applications (%,d drafts beside) in %d ms%n",
        SUBMITTED, DRAFTS, elapsed);
  }

  @Test
  void theZipHoldsExactlyTheSubmittedApplications() throws Exception {
    String exports = "/admin/calls/" + call.id() + "/exports";
    long start = System.nanoTime();
    var requested = bed.admin(ApiEvents.editor("lyon"), "POST /admin/calls/{id}/exports", exports, null);
    assertThat(requested.getStatusCode()).isEqualTo(202);
    bed.deployment.sqsEvents().drain();
    JsonNode done = json(bed.admin(ApiEvents.editor("lyon"), "GET /admin/calls/{id}/exports/{exportId}", exports
        + "/" + json(requested).get("exportId").asText(), null));
    long elapsed = millis(start);

    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("ready");
    assertThat(done.get("applications").asInt()).isEqualTo(SUBMITTED);
    var entries = new LinkedHashMap<String, byte[]>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(ApplicationsTestBed.download(
        done.get("downloadUrl").asText())))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    List<String> rows = List.of(new String(entries.get("applications.csv"), StandardCharsets.UTF_8).split("\r\n"));
    assertThat(rows).hasSize(SUBMITTED + 1);
    assertThat(rows.subList(1, rows.size()).stream().map(r -> r.substring(1, r.indexOf("\",")))).hasSize(SUBMITTED)
        .doesNotHaveDuplicates().allMatch(references::contains);
    System.out.printf("DraftFloodTest: the ZIP of the %,d submitted applications (%,d drafts beside), asked, built "
        + "and followed, in %d ms%n", SUBMITTED, DRAFTS, elapsed);
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
