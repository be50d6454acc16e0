package org.mediaartscities.applications.selection;

import java.util.function.Supplier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.files.ReviewerCopies;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Access to applicants' files: short-lived download links, never the bucket itself, and only to what the file check
 * wrote (never the upload, which its URL could still replace). Editors download the checked original; reviewers the
 * copy the file check cleaned of identifying metadata ({@link ReviewerCopies}).
 */
final class FileDownloads {

  static final Duration DOWNLOAD_URL_LIFETIME = Duration.ofMinutes(5);

  private final Supplier<S3Presigner> presigner;
  private final String bucket;

  FileDownloads(Supplier<S3Presigner> presigner, String bucket) {
    this.presigner = presigner;
    this.bucket = bucket;
  }

  /** A file as the call's editors see it: its name, and a link to the original when it is ready. */
  Map<String, Object> original(ApplicationFile file) {
    var view = new LinkedHashMap<String, Object>(file.view());
    if (file.status() == ApplicationFile.Status.READY) {
      view.put("downloadUrl", presigner.get().presignGetObject(r -> r.signatureDuration(DOWNLOAD_URL_LIFETIME)
          .getObjectRequest(g -> g.bucket(bucket).key(file.checkedKey()))).url().toString());
    }
    return view;
  }

  /**
   * A file as reviewers see it, named {@code name}: a link to the reviewers' copy, saved under that name (a ready
   * file always has its copy: the file check writes it before marking the file ready).
   */
  Map<String, Object> forReviewers(ApplicationFile file, String name) {
    var view = new LinkedHashMap<String, Object>(file.view());
    view.put("fileName", name);
    if (file.status() == ApplicationFile.Status.READY) {
      String disposition = name == null ? null : "attachment; filename=\"" + asciiName(name) + "\"";
      view.put("downloadUrl", presigner.get().presignGetObject(r -> r.signatureDuration(DOWNLOAD_URL_LIFETIME)
          .getObjectRequest(g -> g.bucket(bucket).key(ReviewerCopies.key(file))
              .responseContentDisposition(disposition))).url().toString());
    }
    return view;
  }

  // A header value: printable ASCII without quotes or backslashes (the neutral names are that already).
  private static String asciiName(String name) {
    return name.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
  }
}
