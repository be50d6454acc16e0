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
 * @param key where it is in the applications bucket (chosen by the server)
 */
public record ApplicationFile(String id, String applicationId, String fieldId, String fileName, String contentType,
    long size, String key, Status status, String reason, Instant createdAt) {

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
        createdAt);
  }
}
