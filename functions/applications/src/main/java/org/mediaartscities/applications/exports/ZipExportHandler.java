package org.mediaartscities.applications.exports;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.time.InstantSource;
import java.util.Optional;
import org.mediaartscities.applications.ApplicationsTable;
import org.mediaartscities.applications.ExportJob;
import org.mediaartscities.applications.ExportJobs;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.log.Logs;
import org.mediaartscities.shared.queue.SqsBatch;
import org.mediaartscities.shared.snapstart.Priming;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the ZIP of a call's files that an editor asked for, from the exports queue (one job per message). A
 * redelivered message finds its job done and does nothing; a failure is retried by SQS, and the last attempt marks
 * the job failed so that the editor is told rather than left waiting. (Deployed as ApplicationExportsFunction; it
 * reads {@code CONTENT_TABLE}, {@code APPLICATIONS_TABLE} and {@code APPLICATIONS_BUCKET}.)
 */
public final class ZipExportHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  /** The attempt on which a failing job is given up (the queue's redrive policy allows as many). */
  static final int LAST_ATTEMPT = 3;

  private final ContentRepository calls;
  private final ExportJobs jobs;
  private final CallArchive archive;
  private final S3Client s3;
  private final String bucket;
  private final InstantSource clock;
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private final Priming priming;

  public ZipExportHandler() {
    var dynamoDb = AwsClients.dynamoDb();
    var client = AwsClients.dynamoDbEnhanced(dynamoDb);
    var table = ApplicationsTable.fromEnvironment(dynamoDb, client);
    this.calls = new ContentRepository(ContentTable.from(client));
    this.jobs = table.exportJobs();
    this.s3 = AwsClients.s3();
    this.bucket = Env.required("APPLICATIONS_BUCKET");
    this.archive = new CallArchive(table.reviews(), table.files(), s3, bucket);
    this.clock = InstantSource.system();
    this.priming = new ZipExportPriming(this, calls).register();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return SqsBatch.eachMessage(event, context, "Export", message -> build(Json.read(message.getBody(),
        ExportJobs.Message.class), SqsBatch.receiveCount(message), context));
  }

  private void build(ExportJobs.Message request, int attempt, Context context) {
    Optional<ExportJob> found = jobs.get(request.callId(), request.exportId());
    if (found.isEmpty() || found.get().status() == ExportJob.Status.READY
        || found.get().status() == ExportJob.Status.FAILED) {
      return; // expired, or already built by an earlier delivery
    }
    ExportJob job = found.get();
    Optional<ContentItem> call = calls.item(job.callId()).filter(c -> c.call() != null && c.call().form() != null);
    if (call.isEmpty()) {
      jobs.put(job.failed("The call no longer exists.", clock.instant()));
      return;
    }
    jobs.put(job.running());
    String key = "exports/" + job.callId() + "/" + job.id() + "/" + job.callSlug() + "-files.zip";
    var upload = new S3UploadStream(s3, bucket, key, "application/zip");
    try {
      CallArchive.Contents contents = archive.write(call.get(), upload);
      upload.close();
      jobs.put(job.ready(key, contents.applications(), contents.files(), upload.size(), clock.instant()));
      Logs.info(context, "Export " + job.id() + ": " + contents.files() + " files, " + upload.size() + " bytes");
    } catch (IOException | RuntimeException e) {
      upload.abort();
      if (attempt < LAST_ATTEMPT) {
        throw new IllegalStateException("Building export " + job.id() + " failed", e); // SQS delivers it again
      }
      jobs.put(job.failed("The ZIP could not be built; please ask for it again.", clock.instant()));
    }
  }
}
