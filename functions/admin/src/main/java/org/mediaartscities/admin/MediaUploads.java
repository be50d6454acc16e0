package org.mediaartscities.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.text.FieldRules;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Image uploads: the editor asks for an upload URL, puts the bytes straight to S3 (never through Lambda), and
 * the media function checks them. The key is the server's choice; the URL is bound to the declared type and size
 * and expires quickly.
 */
final class MediaUploads {

  static final Map<String, String> ALLOWED = Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp",
      "image/gif", "gif");

  private final AdminConfig config;

  MediaUploads(AdminConfig config) {
    this.config = config;
  }

  record UploadInput(String contentType, Long size, String fileName) {}

  ApiResponse request(ApiRequest request) {
    Caller caller = Caller.from(request);
    if (!caller.isAdmin()) {
      caller.requireMayEdit(caller.city());
    }
    UploadInput input = JsonBody.parse(request, UploadInput.class);
    if (input.contentType() == null || !ALLOWED.containsKey(input.contentType())) {
      throw ApiException.invalid("contentType", "Images are JPEG, PNG, WebP or GIF (image/jpeg, image/png, "
          + "image/webp, image/gif); SVG is not accepted.");
    }
    if (input.size() == null || input.size() < 1 || input.size() > config.maxImageBytes()) {
      throw ApiException.invalid("size", "'size' is the file's exact size in bytes, at most "
          + config.maxImageBytes() / (1024 * 1024) + " MB.");
    }
    // Only the base name, as the editor's device named it: never a path.
    String fileName = FieldRules.fileName(input.fileName());
    if (fileName != null && fileName.length() > 200) {
      throw ApiException.invalid("fileName", "'fileName' has at most 200 characters.");
    }
    String id = UUID.randomUUID().toString();
    String key = "uploads/" + id + "." + ALLOWED.get(input.contentType());
    Instant now = config.clock().instant();
    config.store().putMedia(new Media(id, Media.Status.PENDING, input.contentType(), input.size(), fileName, key,
        caller.isAdmin() ? null : caller.city(), caller.subject(), now, null, null));
    PresignedPutObjectRequest presigned = config.presigner().presignPutObject(r -> r
        .signatureDuration(config.uploadUrlLifetime())
        .putObjectRequest(PutObjectRequest.builder().bucket(config.mediaBucket()).key(key)
            .contentType(input.contentType()).contentLength(input.size()).build()));
    var body = new LinkedHashMap<String, Object>();
    body.put("mediaId", id);
    body.put("status", Media.Status.PENDING);
    body.put("uploadUrl", presigned.url().toString());
    body.put("method", "PUT");
    body.put("headers", Map.of("Content-Type", input.contentType()));
    body.put("expiresAt", presigned.expiration());
    return ApiResponse.json(body, StoredItems.NO_CACHE).withStatus(201).withHeader("location", "/admin/media/" + id);
  }

  ApiResponse status(ApiRequest request) {
    Caller caller = Caller.from(request);
    String id = request.path("id");
    Media media = (id.length() <= 64 ? config.repository().media(id) : Optional.<Media>empty())
        .orElseThrow(() -> ApiException.notFound("No media '" + id + "'."));
    if (!caller.isAdmin()) {
      caller.requireMayEdit(media.city());
    }
    if (media.status() == Media.Status.PENDING
        && config.clock().instant().isAfter(media.createdAt().plus(config.uploadUrlLifetime().multipliedBy(2)))) {
      // The URL expired before any bytes arrived (S3 refused them): say so rather than "pending" forever.
      media = media.rejected("The upload URL expired before the file arrived; ask for a new one.");
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("mediaId", media.id());
    body.put("status", media.status());
    body.put("reason", media.reason());
    body.put("contentType", media.contentType());
    body.put("size", media.size());
    body.put("fileName", media.fileName());
    body.put("renditions", media.renditions());
    return ApiResponse.json(body, StoredItems.NO_CACHE);
  }
}
