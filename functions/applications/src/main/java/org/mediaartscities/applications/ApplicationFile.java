package org.mediaartscities.applications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * A file an applicant attaches to a file question: announced (a presigned URL was issued), then checked by the
 * file function, {@code ready} or {@code rejected} with a reason (and deleted).
 *
 * @param key where it is in the applications bucket (chosen by the server)
 */
record ApplicationFile(String id, String applicationId, String fieldId, String fileName, String contentType,
    long size, String key, Status status, String reason, Instant createdAt) {

  enum Status {
    PENDING,
    READY,
    REJECTED;

    @JsonValue
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  ApplicationFile with(Status newStatus, String why) {
    return new ApplicationFile(id, applicationId, fieldId, fileName, contentType, size, key, newStatus, why,
        createdAt);
  }
}
