package org.mediaartscities.applications.files;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.List;
import java.util.Optional;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.ApplicationFileStore;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.shared.files.FileSignature;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * ApplicationFilesFunction's SnapStart hooks. The handler itself is not invoked: for a file nobody announced it
 * deletes the object, and priming deletes nothing. So its steps run one by one: the sample S3 event of
 * events/application-files, the reads of the files and the application of the nil UUID (applications are named by
 * random UUIDs), and the reviewers' copies of a sample image and a sample PDF (with a font, document information and
 * XMP metadata), which load the image and PDF cleaning (the bulk of this function's first event). The PDF also proves,
 * from the Lambda jar alone (LambdaArtifactsIT), that cleaning needs none of the font files the jar leaves out. The S3 read and the writes stay unprimed: priming knows no object of its own to read.
 */
final class FileCheckPriming extends Priming {

  static final String IMPOSSIBLE_ID = "00000000-0000-0000-0000-000000000000";

  private final ApplicationStore applications;
  private final ApplicationFileStore files;
  private volatile List<ApplicationFile> announced;
  private volatile Optional<ApplicationStore.Stored> application;
  private volatile byte[] copy;
  private volatile byte[] pdfCopy;

  FileCheckPriming(ApplicationStore applications, ApplicationFileStore files) {
    super("ApplicationFilesFunction");
    this.applications = applications;
    this.files = files;
  }

  @Override
  protected void prime() throws ReviewerCopies.Unusable {
    S3Event event = sample("application-files/file-uploaded.json", S3Event.class);
    event.getRecords().getFirst().getS3().getObject().getUrlDecodedKey();
    announced = files.of(IMPOSSIBLE_ID);
    application = applications.get(IMPOSSIBLE_ID);
    byte[] image = read("media/upload-created.jpg");
    copy = ReviewerCopies.sanitise(image, FileSignature.sniff(image).orElseThrow());
    byte[] pdf = read("application-files/portfolio.pdf");
    pdfCopy = ReviewerCopies.sanitise(pdf, FileSignature.sniff(pdf).orElseThrow());
  }

  /** The files announced for the impossible application (none), or null before priming. */
  List<ApplicationFile> announced() {
    return announced;
  }

  /** The impossible application (absent), or null before priming. */
  Optional<ApplicationStore.Stored> application() {
    return application;
  }

  /** The reviewers' copy priming made of the sample image, in memory only, or null before priming. */
  byte[] copy() {
    return copy;
  }

  /** The reviewers' copy priming made of the sample PDF, in memory only, or null before priming. */
  byte[] pdfCopy() {
    return pdfCopy;
  }
}
