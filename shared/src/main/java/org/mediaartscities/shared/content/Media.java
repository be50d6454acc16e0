package org.mediaartscities.shared.content;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An image an editor uploads: requested (a presigned URL was issued), then checked by the media function and
 * either {@code ready} with web renditions or {@code rejected} with a reason (and deleted).
 *
 * @param uploadKey where the original lands in the media bucket (chosen by the server)
 * @param city the uploader's city, or null for an admin's upload
 */
public record Media(String id, Status status, String contentType, long size, String fileName, String uploadKey,
    String city, String createdBy, Instant createdAt, String reason, List<Image.Rendition> renditions) {

  public Media {
    renditions = renditions == null ? List.of() : List.copyOf(renditions);
  }

  /** Where the media is in its life. */
  public enum Status {
    PENDING,
    READY,
    REJECTED;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Media ready(List<Image.Rendition> made) {
    return new Media(id, Status.READY, contentType, size, fileName, uploadKey, city, createdBy, createdAt, null, made);
  }

  public Media rejected(String why) {
    return new Media(id, Status.REJECTED, contentType, size, fileName, uploadKey, city, createdBy, createdAt, why,
        List.of());
  }

  /** The key folder of its renditions, which the public API serves under the media base URL. */
  public String renditionsKey() {
    return "renditions/" + id;
  }

  /** Where the key prefix of public renditions starts; the CDN reads nothing else. */
  public static final String PUBLIC_PREFIX = "renditions/";

  /**
   * The private copy of a public rendition key: renditions are kept here, and copied to their public key only while
   * a published item shows them, so that hiding them again can be undone after the original is gone.
   */
  public static String privateKey(String renditionKey) {
    return "private/" + renditionKey;
  }

  /** The media id of an image key that names an upload's renditions ({@code renditions/<id>}), if it is one. */
  public static java.util.Optional<String> idOfRenditions(String imageKey) {
    if (imageKey == null || !imageKey.startsWith(PUBLIC_PREFIX)) {
      return java.util.Optional.empty();
    }
    String id = imageKey.substring(PUBLIC_PREFIX.length());
    return id.matches("[0-9a-f-]{36}") ? java.util.Optional.of(id) : java.util.Optional.empty();
  }
}
