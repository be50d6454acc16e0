package org.mediaartscities.applications.files;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.Optional;
import org.mediaartscities.applications.AnswerRules;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.ApplicationFileStore;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.applications.ApplicationsTable;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.files.FileSignature;
import org.mediaartscities.shared.log.Logs;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Invoked by S3 when an applicant's file lands: the bytes must be the announced type and size, or the file is
 * deleted and marked rejected with a reason. A file that passes gets its reviewers' copy ({@link ReviewerCopies})
 * before it is marked ready, so that a ready file always has one. On a blind call a file that cannot be cleaned is
 * rejected (its metadata could name the applicant); elsewhere reviewers get it as it is. Idempotent: a repeated
 * event finds the file already decided.
 * (Deployed as ApplicationFilesFunction from the applications module: the same store and the same dependencies;
 * it reads {@code APPLICATIONS_TABLE} only.)
 */
public final class FileCheckHandler implements RequestHandler<S3Event, Void> {

  private final ApplicationStore applications;
  private final ApplicationFileStore files;
  private final S3Client s3;

  public FileCheckHandler() {
    var dynamoDb = AwsClients.dynamoDb();
    var table = ApplicationsTable.fromEnvironment(dynamoDb, AwsClients.dynamoDbEnhanced(dynamoDb));
    this.applications = table.applications();
    this.files = table.files();
    this.s3 = AwsClients.s3();
  }

  @Override
  public Void handleRequest(S3Event event, Context context) {
    for (S3EventNotificationRecord record : event.getRecords()) {
      check(record.getS3().getBucket().getName(), record.getS3().getObject().getUrlDecodedKey(), context);
    }
    return null;
  }

  private void check(String bucket, String key, Context context) {
    Optional<ApplicationFile> announced = announced(key);
    if (announced.isEmpty()) {
      Logs.warn(context, "Deleting " + key + ": no file was announced for it");
      s3.deleteObject(r -> r.bucket(bucket).key(key));
      return;
    }
    ApplicationFile file = announced.get();
    if (file.status() != ApplicationFile.Status.PENDING) {
      return;
    }
    byte[] bytes;
    try {
      bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    } catch (NoSuchKeyException e) {
      return;
    }
    Application application = applicationOf(file);
    String reason = null;
    Optional<FileSignature> actual = FileSignature.sniff(bytes);
    if (bytes.length != file.size()) {
      reason = "The file has " + bytes.length + " bytes, not the " + file.size() + " announced.";
    } else if (actual.isEmpty() || !actual.get().contentType().equals(file.contentType())) {
      reason = "The file is not " + AnswerRules.fileTypeName(file.contentType())
          + actual.map(a -> " (it is " + AnswerRules.fileTypeName(a.contentType()) + ")").orElse("") + ".";
    } else {
      reason = copyForReviewers(bucket, file, bytes, actual.get(), blind(application));
    }
    // The outcome is recorded before the bytes go: if recording fails, S3's retry finds the file and decides again.
    files.put(application, reason == null ? file.with(ApplicationFile.Status.READY, null)
        : file.with(ApplicationFile.Status.REJECTED, reason));
    if (reason != null) {
      s3.deleteObject(r -> r.bucket(bucket).key(key));
    }
  }

  /** Writes the reviewers' copy of a checked file; the reason to reject it when it must be cleaned and cannot be. */
  private String copyForReviewers(String bucket, ApplicationFile file, byte[] bytes, FileSignature type,
      boolean blind) {
    byte[] copy;
    try {
      copy = ReviewerCopies.sanitise(bytes, type);
    } catch (ReviewerCopies.Unusable e) {
      if (blind) {
        return "This call's jury reviews anonymously and the file cannot be prepared for it (" + e.getMessage()
            + "). Please save it again as a standard file and upload it anew.";
      }
      copy = bytes;
    }
    s3.putObject(PutObjectRequest.builder().bucket(bucket).key(ReviewerCopies.key(file))
        .contentType(file.contentType()).build(), RequestBody.fromBytes(copy));
    return null;
  }

  // An application stored before forms were copied has no form to say; its file is treated as for a blind call.
  private static boolean blind(Application application) {
    return application.form() == null || application.form().blindReview();
  }

  /** {@code applications/<application id>/<file id>.<ext>} → its announced record. */
  private Optional<ApplicationFile> announced(String key) {
    String[] parts = key.split("/");
    if (parts.length != 3 || !parts[0].equals("applications") || !parts[1].matches("[0-9a-f-]{36}")) {
      return Optional.empty();
    }
    String fileId = parts[2].replaceFirst("\\.[a-z]+$", "");
    return files.of(parts[1]).stream().filter(f -> f.id().equals(fileId) && f.key().equals(key)).findFirst();
  }

  private Application applicationOf(ApplicationFile file) {
    return applications.get(file.applicationId()).map(ApplicationStore.Stored::application).orElseThrow();
  }
}
