package org.mediaartscities.applications.applying;

import java.util.function.Supplier;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mediaartscities.applications.AnswerRules;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.ApplicationFileStore;
import org.mediaartscities.applications.files.ReviewerCopies;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.text.FieldRules;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Portfolio files, the applicant's side: a file announced for a file question gets a short-lived URL bound to its
 * type and exact size; the bytes go straight to S3 under {@code applications/}, where the file function checks
 * them and moves what passed under {@code checked/}. Deleting a file (or a whole application) deletes its bytes: the
 * only S3 rights this function has are to put and delete objects under {@code applications/}, and to delete them
 * under {@code checked/} and {@code reviewers/}.
 */
final class FileUploads {

  static final Duration UPLOAD_URL_LIFETIME = Duration.ofMinutes(15);
  private static final Map<String, String> EXTENSIONS = ApplicationFile.EXTENSIONS;

  private final ApplicationFileStore files;
  private final Supplier<S3Presigner> presigner;
  private final Supplier<S3Client> s3;
  private final String bucket;

  FileUploads(ApplicationFileStore files, Supplier<S3Presigner> presigner, Supplier<S3Client> s3, String bucket) {
    this.files = files;
    this.presigner = presigner;
    this.s3 = s3;
    this.bucket = bucket;
  }

  record Announcement(String fieldId, String fileName, String contentType, Long size) {}

  /** Validates an announced file against its question and returns the upload instructions. */
  Map<String, Object> announce(Application application, ApplicationForm form, String body, Instant now) {
    Announcement input = JsonBody.parse(body, Announcement.class);
    ApplicationForm.Field field = form.fields().stream()
        .filter(f -> f.id().equals(input.fieldId()) && f.type().equals("file")).findFirst()
        .orElseThrow(() -> ApiException.invalid("fieldId", "This call's form has no file question '"
            + input.fieldId() + "'."));
    if (input.contentType() == null || !field.fileTypes().contains(input.contentType())
        || !EXTENSIONS.containsKey(input.contentType())) {
      List<String> names = field.fileTypes().stream().map(AnswerRules::fileTypeName).toList();
      String accepted = names.size() == 1 ? names.getFirst()
          : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
      throw ApiException.invalid("contentType", "This question accepts " + accepted + ".");
    }
    long max = field.maxFileBytes() == null ? 20L * 1024 * 1024 : field.maxFileBytes();
    if (input.size() == null || input.size() < 1 || input.size() > max) {
      throw ApiException.invalid("size", "'size' is the file's exact size in bytes, at most " + max / (1024 * 1024)
          + " MB.");
    }
    int maxFiles = field.maxFiles() == null ? 1 : field.maxFiles();
    // Files announced before slots hold none: they are counted here; the slots decide between parallel requests.
    long current = files.of(application.id()).stream()
        .filter(f -> f.fieldId().equals(field.id()) && f.status() != ApplicationFile.Status.REJECTED).count();
    if (current >= maxFiles) {
      throw tooMany(maxFiles);
    }
    String fileName = FieldRules.fileName(input.fileName());
    if (fileName != null && fileName.length() > 200) {
      throw ApiException.invalid("fileName", "'fileName' has at most 200 characters.");
    }
    String id = UUID.randomUUID().toString();
    String key = "applications/" + application.id() + "/" + id + "." + EXTENSIONS.get(input.contentType());
    var file = files.announce(application, new ApplicationFile(id, application.id(), field.id(), fileName,
        input.contentType(), input.size(), key, ApplicationFile.Status.PENDING, null, now), maxFiles)
        .orElseThrow(() -> tooMany(maxFiles));
    var presigned = presigner.get().presignPutObject(r -> r.signatureDuration(UPLOAD_URL_LIFETIME)
        .putObjectRequest(PutObjectRequest.builder().bucket(bucket).key(key).contentType(input.contentType())
            .contentLength(input.size()).build()));
    var view = new LinkedHashMap<String, Object>(file.view());
    view.put("uploadUrl", presigned.url().toString());
    view.put("method", "PUT");
    view.put("headers", Map.of("Content-Type", input.contentType()));
    view.put("expiresAt", presigned.expiration());
    return view;
  }

  private static ApiException tooMany(int maxFiles) {
    return ApiException.invalid("fieldId", "This question takes at most " + maxFiles + " files; delete one first.");
  }

  /** Removes a file (its bytes and its record). */
  void delete(ApplicationFile file) {
    deleteObjects(List.of(file));
    files.delete(file);
  }

  /** Deletes the bytes of files whose records are already gone (with their application): the upload, the checked
   * file and the reviewers' cleaned copy alike, so that an erasure leaves nothing behind. */
  void deleteObjects(List<ApplicationFile> gone) {
    gone.forEach(file -> {
      s3.get().deleteObject(r -> r.bucket(bucket).key(file.key()));
      s3.get().deleteObject(r -> r.bucket(bucket).key(file.checkedKey()));
      s3.get().deleteObject(r -> r.bucket(bucket).key(ReviewerCopies.key(file)));
    });
  }

  /** Refuses a submission whose required file questions lack a ready file, or whose files are not all ready. */
  static void checkComplete(ApplicationForm form, List<ApplicationFile> files) {
    for (ApplicationForm.Field field : form.fields()) {
      if (!field.type().equals("file")) {
        continue;
      }
      var mine = files.stream().filter(f -> f.fieldId().equals(field.id())).toList();
      for (ApplicationFile file : mine) {
        if (file.status() == ApplicationFile.Status.PENDING) {
          throw ApiException.invalid("answers." + field.id(), "'" + file.fileName() + "' is still being checked "
              + "(or was never uploaded); wait a moment, or delete it.");
        }
        if (file.status() == ApplicationFile.Status.REJECTED) {
          throw ApiException.invalid("answers." + field.id(), "'" + file.fileName() + "' was rejected ("
              + file.reason() + "); delete it and upload another.");
        }
      }
      if (field.required() && mine.isEmpty()) {
        throw ApiException.invalid("answers." + field.id(), "This question needs a file.");
      }
    }
  }
}
