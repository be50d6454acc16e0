package org.mediaartscities.applications.selection;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.mediaartscities.applications.ExportJob;
import org.mediaartscities.applications.ExportJobs;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An editor's side of ZIP exports: asking for one (a job and a queue message) and following it to its download. */
final class ExportRequests {

  /** A download link works this long: enough to start a large download, short enough not to be passed around. */
  static final Duration DOWNLOAD_FOR = Duration.ofMinutes(15);
  /** Asking again within this time returns the job still in progress instead of starting another. */
  static final Duration SAME_REQUEST = Duration.ofMinutes(15);

  private final ExportJobs jobs;
  private final Supplier<SqsClient> sqs;
  private final String queueUrl;
  private final Supplier<S3Presigner> presigner;
  private final String bucket;

  ExportRequests(ExportJobs jobs, Supplier<SqsClient> sqs, String queueUrl, Supplier<S3Presigner> presigner,
      String bucket) {
    this.jobs = jobs;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  /** The job building this call's ZIP: one still in progress, else a new one, queued. */
  ExportJob request(ContentItem call, Instant now) {
    var inProgress = jobs.unfinished(call.id(), now.minus(SAME_REQUEST));
    if (inProgress.isPresent()) {
      return inProgress.get();
    }
    ExportJob job = ExportJob.pending(UUID.randomUUID().toString(), call.id(), call.slug(), now);
    jobs.put(job);
    try {
      sqs.get().sendMessage(r -> r.queueUrl(queueUrl).messageBody(Json.write(new ExportJobs.Message(
          job.callId(), job.id()))));
    } catch (RuntimeException e) {
      // A job nobody will build must not be handed back to the next request as "in progress".
      jobs.put(job.failed("The export could not be queued; please ask again.", now));
      throw e;
    }
    return job;
  }

  java.util.Optional<ExportJob> get(String callId, String exportId) {
    return exportId.matches("[0-9a-f-]{36}") ? jobs.get(callId, exportId) : java.util.Optional.empty();
  }

  /** The job as the editor sees it; a ready one with a short-lived download link. */
  Map<String, Object> view(ExportJob job) {
    var view = new LinkedHashMap<String, Object>();
    view.put("exportId", job.id());
    view.put("status", job.status());
    view.put("requestedAt", job.requestedAt());
    view.put("finishedAt", job.finishedAt());
    if (job.status() == ExportJob.Status.READY) {
      view.put("applications", job.applications());
      view.put("files", job.files());
      view.put("bytes", job.bytes());
      view.put("downloadUrl", presigner.get().presignGetObject(p -> p.signatureDuration(DOWNLOAD_FOR)
          .getObjectRequest(g -> g.bucket(bucket).key(job.key()).responseContentDisposition(
              "attachment; filename=\"" + job.callSlug() + "-files.zip\""))).url().toString());
      view.put("downloadUrlExpiresIn", DOWNLOAD_FOR.toSeconds());
      view.put("availableUntil", job.requestedAt().plus(ExportJobs.KEPT));
    }
    if (job.error() != null) {
      view.put("error", job.error());
    }
    return view;
  }
}
