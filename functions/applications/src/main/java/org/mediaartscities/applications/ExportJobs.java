package org.mediaartscities.applications;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The ZIP export jobs of calls, kept beside the call's applications ({@code pk = CALL#{callId}},
 * {@code sk = EXPORT#{id}}) and removed by the table's time to live when their ZIP expires.
 */
public final class ExportJobs {

  /** The body of an exports queue message: which job to build. */
  public record Message(String callId, String exportId) {}

  static final String PREFIX = "EXPORT#";
  /** How long a ZIP (and its job) is kept: the bucket's lifecycle rule on {@code exports/} says the same. */
  public static final Duration KEPT = Duration.ofDays(7);

  private final DynamoDbTable<ApplicationRow> table;

  ExportJobs(DynamoDbTable<ApplicationRow> table) {
    this.table = table;
  }

  public void put(ExportJob job) {
    table.putItem(new ApplicationRow(ApplicationRow.callPk(job.callId()), PREFIX + job.id(), null, null,
        Json.write(job), null, null, job.requestedAt().plus(KEPT).getEpochSecond()));
  }

  public Optional<ExportJob> get(String callId, String id) {
    ApplicationRow row = table.getItem(Key.builder().partitionValue(ApplicationRow.callPk(callId))
        .sortValue(PREFIX + id).build());
    return Optional.ofNullable(row).map(r -> Json.read(r.doc(), ExportJob.class));
  }

  /** The newest job of a call still waiting or running, requested after {@code since}. */
  public Optional<ExportJob> unfinished(String callId, Instant since) {
    return table.query(q -> q.queryConditional(software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional
            .sortBeginsWith(Key.builder().partitionValue(ApplicationRow.callPk(callId)).sortValue(PREFIX).build())))
        .items().stream().map(r -> Json.read(r.doc(), ExportJob.class))
        .filter(job -> job.status() == ExportJob.Status.PENDING || job.status() == ExportJob.Status.RUNNING)
        .filter(job -> job.requestedAt().isAfter(since))
        .max(java.util.Comparator.comparing(ExportJob::requestedAt));
  }
}
