package org.mediaartscities.applications.selection;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mediaartscities.applications.ApplicationFile;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Reviewers' access to applicants' files: short-lived download links, never the bucket itself. */
final class FileDownloads {

  static final Duration DOWNLOAD_URL_LIFETIME = Duration.ofMinutes(5);

  private final S3Presigner presigner;
  private final String bucket;

  FileDownloads(S3Presigner presigner, String bucket) {
    this.presigner = presigner;
    this.bucket = bucket;
  }

  /** A file as reviewers see it; with a download link when it is ready. */
  Map<String, Object> view(ApplicationFile file) {
    var view = new LinkedHashMap<String, Object>(file.view());
    if (file.status() == ApplicationFile.Status.READY) {
      view.put("downloadUrl", presigner.presignGetObject(r -> r.signatureDuration(DOWNLOAD_URL_LIFETIME)
          .getObjectRequest(g -> g.bucket(bucket).key(file.key()))).url().toString());
    }
    return view;
  }
}
