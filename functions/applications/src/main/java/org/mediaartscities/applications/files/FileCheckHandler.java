package org.mediaartscities.applications.files;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.mediaartscities.shared.snapstart.Priming;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Invoked by S3 when an applicant's file lands: the bytes must be the announced type and size, or the file is
 * deleted and marked rejected with a reason. The size comes from the event, and the bytes are read only if it is the
 * announced one, on the event's ETag ({@code If-Match}: an object replaced since is left to its own event) and never
 * past the announced size plus one byte. The bytes that pass are copied to {@link ApplicationFile#checkedKey()},
 * with their reviewers' copy ({@link ReviewerCopies}), before the file is marked ready; then the upload is deleted.
 * Only the checked copies are served: a second PUT to the still valid upload URL lands after the check, finds the file
 * decided and is deleted unread. On a blind call a file that cannot be cleaned is rejected (its metadata could name
 * the applicant); elsewhere reviewers get it as it is. Idempotent: a repeated event finds the file already decided.
 * (Deployed as ApplicationFilesFunction from the applications module: the same store and the same dependencies;
 * it reads {@code APPLICATIONS_TABLE} only.)
 */
public final class FileCheckHandler implements RequestHandler<S3Event, Void> {

  private static final int PRECONDITION_FAILED = 412;

  private final ApplicationStore applications;
  private final ApplicationFileStore files;
  private final S3Client s3;
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private Priming priming;

  public FileCheckHandler() {
    var dynamoDb = AwsClients.dynamoDb();
    var table = ApplicationsTable.fromEnvironment(dynamoDb, AwsClients.dynamoDbEnhanced(dynamoDb));
    this(table.applications(), table.files(), AwsClients.s3());
    priming = new FileCheckPriming(applications, files).register();
  }

  FileCheckHandler(ApplicationStore applications, ApplicationFileStore files, S3Client s3) {
    this.applications = applications;
    this.files = files;
    this.s3 = s3;
  }

  @Override
  public Void handleRequest(S3Event event, Context context) {
    for (S3EventNotificationRecord record : event.getRecords()) {
      var object = record.getS3().getObject();
      check(record.getS3().getBucket().getName(), object.getUrlDecodedKey(), object.getSizeAsLong(),
          object.geteTag(), context);
    }
    return null;
  }

  private void check(String bucket, String key, Long size, String eTag, Context context) {
    Optional<ApplicationFile> announced = announced(key);
    if (announced.isEmpty()) {
      Logs.warn(context, "Deleting " + key + ": no file was announced for it");
      s3.deleteObject(r -> r.bucket(bucket).key(key));
      return;
    }
    ApplicationFile file = announced.get();
    if (file.status() != ApplicationFile.Status.PENDING) {
      // Decided already: a repeated event, or another PUT to the upload URL, which must not replace checked bytes.
      s3.deleteObject(r -> r.bucket(bucket).key(key));
      return;
    }
    Application application = applicationOf(file);
    if (size == null || size != file.size()) {
      reject(bucket, application, file, "The file has " + size + " bytes, not the " + file.size() + " announced.");
      return;
    }
    byte[] bytes;
    try (var in = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).ifMatch(quoted(eTag)).build())) {
      bytes = in.readNBytes(Math.toIntExact(file.size() + 1));
    } catch (NoSuchKeyException e) {
      return;
    } catch (S3Exception e) {
      if (e.statusCode() == PRECONDITION_FAILED) {
        return; // replaced since this event: the new object's own event checks it
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + key + " failed", e);
    }
    String reason;
    Optional<FileSignature> actual = FileSignature.sniff(bytes);
    if (bytes.length != file.size()) {
      reason = "The file has " + (bytes.length > file.size() ? "more than " + file.size() : bytes.length)
          + " bytes, not the " + file.size() + " announced.";
    } else if (actual.isEmpty() || !actual.get().contentType().equals(file.contentType())) {
      reason = "The file is not " + AnswerRules.fileTypeName(file.contentType())
          + actual.map(a -> " (it is " + AnswerRules.fileTypeName(a.contentType()) + ")").orElse("") + ".";
    } else {
      reason = copyForReviewers(bucket, file, bytes, actual.get(), blind(application));
    }
    if (reason != null) {
      reject(bucket, application, file, reason);
      return;
    }
    s3.putObject(PutObjectRequest.builder().bucket(bucket).key(file.checkedKey()).contentType(file.contentType())
        .build(), RequestBody.fromBytes(bytes));
    // Recorded before the upload goes: if recording fails, S3's retry finds the upload and decides again.
    files.decide(application, file.with(ApplicationFile.Status.READY, null));
    s3.deleteObject(r -> r.bucket(bucket).key(key));
  }

  // Events carry the ETag bare; an If-Match header holds it quoted.
  private static String quoted(String eTag) {
    return eTag == null || eTag.startsWith("\"") ? eTag : "\"" + eTag + "\"";
  }

  private void reject(String bucket, Application application, ApplicationFile file, String reason) {
    files.decide(application, file.with(ApplicationFile.Status.REJECTED, reason));
    s3.deleteObject(r -> r.bucket(bucket).key(file.key()));
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
