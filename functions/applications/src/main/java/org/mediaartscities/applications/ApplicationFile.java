package org.mediaartscities.applications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A file an applicant attaches to a file question: announced (a presigned URL was issued), then checked by the
 * file function, {@code ready} or {@code rejected} with a reason (and deleted).
 *
 * @param key where the applicant uploads it in the applications bucket (chosen by the server); the file check moves
 *     the bytes it checked to {@link #checkedKey()}, and only those are ever served
 * @param slot which of its question's {@code maxFiles} places it holds (null for files announced before slots)
 */
public record ApplicationFile(String id, String applicationId, String fieldId, String fileName, String contentType,
    long size, String key, Status status, String reason, Instant createdAt, Integer slot) {

  /** Where checked files are: outside {@code applications/}, so that an upload URL cannot replace them. */
  public static final String CHECKED_PREFIX = "checked/";

  /** The extension of each accepted type: the server's, never the applicant's. */
  public static final Map<String, String> EXTENSIONS = Map.of("application/pdf", "pdf", "image/jpeg", "jpg",
      "image/png", "png", "image/webp", "webp", "image/gif", "gif");

  public ApplicationFile(String id, String applicationId, String fieldId, String fileName, String contentType,
      long size, String key, Status status, String reason, Instant createdAt) {
    this(id, applicationId, fieldId, fileName, contentType, size, key, status, reason, createdAt, null);
  }

  public enum Status {
    PENDING,
    READY,
    REJECTED;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The file as applicants and reviewers see it. */
  public Map<String, Object> view() {
    var view = new LinkedHashMap<String, Object>();
    view.put("fileId", id);
    view.put("fieldId", fieldId);
    view.put("fileName", fileName);
    view.put("contentType", contentType);
    view.put("size", size);
    view.put("status", status);
    view.put("reason", reason);
    return view;
  }

  public ApplicationFile with(Status newStatus, String why) {
    return new ApplicationFile(id, applicationId, fieldId, fileName, contentType, size, key, newStatus, why,
        createdAt, slot);
  }

  public ApplicationFile inSlot(int n) {
    return new ApplicationFile(id, applicationId, fieldId, fileName, contentType, size, key, status, reason,
        createdAt, n);
  }

  /** {@code applications/<application id>/<file id>.<ext>} → {@code checked/<same>}: the bytes the check passed. */
  public String checkedKey() {
    return CHECKED_PREFIX + key.substring(key.indexOf('/') + 1);
  }

  /**
   * The name the server gives the {@code n}th file of its question, {@code portfolio-1.pdf}: the question's id and
   * the extension of the type the check verified, nothing of the applicant's file name.
   */
  public String serverName(int n) {
    return fieldId + "-" + n + "." + EXTENSIONS.getOrDefault(contentType, "bin");
  }
}
