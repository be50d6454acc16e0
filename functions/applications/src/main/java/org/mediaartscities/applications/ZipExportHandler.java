package org.mediaartscities.applications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.log.Logs;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the ZIP of a call's files that an editor asked for, from the exports queue (one job per message). A
 * redelivered message finds its job done and does nothing; a failure is retried by SQS, and the last attempt marks
 * the job failed so that the editor is told rather than left waiting. (Deployed as ApplicationExportsFunction.)
 */
public final class ZipExportHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  /** The attempt on which a failing job is given up (the queue's redrive policy allows as many). */
  static final int LAST_ATTEMPT = 3;

  /** The body of a message: which job to build. */
  record Request(String callId, String exportId) {}

  private final ContentRepository calls;
  private final ApplicationStore store;
  private final ExportJobs jobs;
  private final S3Client s3;
  private final String bucket;
  private final InstantSource clock;

  public ZipExportHandler() {
    var dynamoDb = AwsClients.dynamoDb();
    var client = AwsClients.dynamoDbEnhanced(dynamoDb);
    this.calls = new ContentRepository(ContentTable.from(client));
    this.store = ApplicationsConfig.store(dynamoDb, client);
    this.jobs = new ExportJobs(client.table(Env.required("APPLICATIONS_TABLE"), ApplicationRow.SCHEMA));
    this.s3 = AwsClients.s3();
    this.bucket = Env.required("APPLICATIONS_BUCKET");
    this.clock = InstantSource.system();
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        build(Json.read(message.getBody(), Request.class), attempt(message), context);
      } catch (RuntimeException e) {
        Logs.warn(context, "Export " + message.getMessageId() + " failed: " + e.getClass().getSimpleName());
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  private void build(Request request, int attempt, Context context) {
    Optional<ExportJob> found = jobs.get(request.callId(), request.exportId());
    if (found.isEmpty() || found.get().status() == ExportJob.Status.READY
        || found.get().status() == ExportJob.Status.FAILED) {
      return; // expired, or already built by an earlier delivery
    }
    ExportJob job = found.get();
    Optional<ContentItem> call = calls.item(job.callId()).filter(c -> c.call() != null && c.call().form() != null);
    if (call.isEmpty()) {
      jobs.put(job.failed("The call no longer exists.", now()));
      return;
    }
    jobs.put(job.running());
    String key = "exports/" + job.callId() + "/" + job.id() + "/" + job.callSlug() + "-files.zip";
    var upload = new S3UploadStream(s3, bucket, key, "application/zip");
    try {
      CallArchive.Contents contents = new CallArchive(store, s3, bucket).write(call.get(), upload);
      upload.close();
      jobs.put(job.ready(key, contents.applications(), contents.files(), upload.size(), now()));
      Logs.info(context, "Export " + job.id() + ": " + contents.files() + " files, " + upload.size() + " bytes");
    } catch (java.io.IOException | RuntimeException e) {
      upload.abort();
      if (attempt < LAST_ATTEMPT) {
        throw new IllegalStateException("Building export " + job.id() + " failed", e); // SQS delivers it again
      }
      jobs.put(job.failed("The ZIP could not be built; please ask for it again.", now()));
    }
  }

  private static int attempt(SQSEvent.SQSMessage message) {
    String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
    return count == null ? 1 : Integer.parseInt(count);
  }

  private Instant now() {
    return clock.instant();
  }
}
