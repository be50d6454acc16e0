package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.admin.AdminTestBed.editor;
import static org.mediaartscities.admin.AdminTestBed.fixture;
import static org.mediaartscities.admin.AdminTestBed.invoke;
import static org.mediaartscities.admin.AdminTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.SampleData;

/**
 * Upload requests on AdminFunction's side: what the URL is bound to, and what the status says when no file came.
 * (The bytes' path through S3 and MediaFunction is MediaUploadTest's, in the media module.)
 */
class MediaUploadsTest {

  private static final Instant ASKED = Instant.parse("2026-12-01T09:00:00Z");
  /** The template's default upload URL lifetime (UploadUrlSeconds). */
  private static final Duration LIFETIME = Duration.ofSeconds(600);
  private static AdminTestBed bed;

  @BeforeAll
  static void cities() {
    bed = new AdminTestBed(MediaUploadsTest.class);
    SampleData.cities().forEach(bed.store::putCity);
  }

  @Test
  void theSampleRequestGetsAUrlBoundToItsTypeSizeAndLifetimeAndKeepsOnlyTheFilesBaseName() {
    APIGatewayV2HTTPResponse response = invoke(bed.adminAt(InstantSource.fixed(ASKED)), fixture("request-upload"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    JsonNode upload = json(response);
    String query = URI.create(upload.get("uploadUrl").asText()).getQuery();
    assertThat(query).contains("X-Amz-Expires=" + LIFETIME.toSeconds());
    assertThat(upload.get("headers").get("Content-Type").asText()).isEqualTo("image/jpeg");
    String id = upload.get("mediaId").asText();
    assertThat(bed.repository.media(id).orElseThrow().fileName()).isEqualTo("facade.jpg");
    assertThat(bed.repository.media(id).orElseThrow().uploadKey()).isEqualTo("uploads/" + id + ".jpg");
  }

  @Test
  void anUploadThatNeverCameShowsRejectedOnceItsUrlHasSurelyExpired() {
    String id = json(invoke(bed.adminAt(InstantSource.fixed(ASKED)), fixture("request-upload"))).get("mediaId")
        .asText();
    var status = AdminTestBed.event(editor("lyon"), "GET /admin/media/{id}", "/admin/media/" + id, null);

    JsonNode soon = json(invoke(bed.adminAt(InstantSource.fixed(ASKED.plus(LIFETIME.multipliedBy(2)))), status));
    JsonNode later = json(invoke(bed.adminAt(InstantSource.fixed(ASKED.plus(LIFETIME.multipliedBy(2))
        .plusMillis(1))), status));

    assertThat(soon.get("status").asText()).isEqualTo("pending");
    assertThat(later.get("status").asText()).isEqualTo("rejected");
    assertThat(later.get("reason").asText()).contains("expired");
  }

  @Test
  void fileNamesLoseTheirPathControlsAndBidiOverrides() {
    APIGatewayV2HTTPResponse response = bed.admin(editor("lyon"), "POST /admin/media", "/admin/media",
        "{\"contentType\": \"image/png\", \"size\": 10, \"fileName\": \"../../x/\\u0007pic\\u202Egnp.exe\"}");

    String id = json(response).get("mediaId").asText();
    assertThat(bed.repository.media(id).orElseThrow().fileName()).isEqualTo("picgnp.exe");
  }
}
