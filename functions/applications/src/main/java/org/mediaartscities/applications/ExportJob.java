package org.mediaartscities.applications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * A ZIP of all files of a call's submitted applications, built in the background by the exports function.
 *
 * @param key where the ZIP is in the applications bucket, once ready
 * @param error why it failed, in words for the editor (never a stack trace)
 */
public record ExportJob(String id, String callId, String callSlug, Status status, Instant requestedAt,
    Instant finishedAt, int applications, int files, long bytes, String key, String error) {

  /** Where a job is. */
  public enum Status {
    PENDING,
    RUNNING,
    READY,
    FAILED;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static ExportJob pending(String id, String callId, String callSlug, Instant at) {
    return new ExportJob(id, callId, callSlug, Status.PENDING, at, null, 0, 0, 0, null, null);
  }

  public ExportJob running() {
    return new ExportJob(id, callId, callSlug, Status.RUNNING, requestedAt, null, 0, 0, 0, null, null);
  }

  public ExportJob ready(String zipKey, int applicationCount, int fileCount, long size, Instant at) {
    return new ExportJob(id, callId, callSlug, Status.READY, requestedAt, at, applicationCount, fileCount, size, zipKey,
        null);
  }

  public ExportJob failed(String reason, Instant at) {
    return new ExportJob(id, callId, callSlug, Status.FAILED, requestedAt, at, 0, 0, 0, null, reason);
  }
}
