package org.mediaartscities.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Digest runs (DynamoDB) and their editions and archived HTML (S3 {@code digests/{run id}/}): written by the
 * planner, read by the sender and by the public archive.
 */
final class DigestRuns {

  private static final String LIST_PK = "DIGESTS";

  private final DynamoDbTable<NewsletterRow> table;
  private final S3Client s3;
  private final String bucket;

  DigestRuns(DynamoDbTable<NewsletterRow> table, S3Client s3, String bucket) {
    this.table = table;
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** The runs of {@code table}, with their files in the bucket named by {@code NEWSLETTER_BUCKET}. */
  static DigestRuns fromEnvironment(DynamoDbTable<NewsletterRow> table) {
    return new DigestRuns(table, AwsClients.s3(), Env.required("NEWSLETTER_BUCKET"));
  }

  Optional<DigestRun> get(String id) {
    return Optional.ofNullable(table.getItem(r -> r.key(key("RUN#" + id, "RUN")).consistentRead(true)))
        .map(row -> Json.read(row.doc(), DigestRun.class));
  }

  /** Records a new run; false if a run with that id exists (the schedule fired twice). */
  boolean create(DigestRun run) {
    try {
      table.putItem(PutItemEnhancedRequest.builder(NewsletterRow.class)
          .item(new NewsletterRow("RUN#" + run.id(), "RUN", null, Json.write(run), null, null))
          .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Marks a run planned, lists it in the public archive (if it had anything) and moves its frequency on. */
  void finish(DigestRun run) {
    table.putItem(new NewsletterRow("RUN#" + run.id(), "RUN", null, Json.write(run), null, null));
    if (run.items() > 0) {
      table.putItem(new NewsletterRow(LIST_PK, run.until() + "#" + run.id(), null, Json.write(run), null, null));
    }
    table.putItem(new NewsletterRow("LAST#" + run.frequency().id(), "LAST", null, Json.write(run), null, null));
  }

  /** Where the next run of a frequency starts: the last one's end, if any. */
  Optional<Instant> lastUntil(Preferences.Frequency frequency) {
    return Optional.ofNullable(table.getItem(key("LAST#" + frequency.id(), "LAST")))
        .map(row -> Json.read(row.doc(), DigestRun.class).until());
  }

  /** The public archive, newest first. */
  List<DigestRun> archive(int limit) {
    return table.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(LIST_PK)))
            .scanIndexForward(false).limit(limit)).stream().findFirst().map(page -> page.items().stream()
            .map(row -> Json.read(row.doc(), DigestRun.class)).toList()).orElse(List.of());
  }

  void putEdition(String runId, List<DigestItem> items) {
    s3.putObject(r -> r.bucket(bucket).key("digests/" + runId + "/edition.json").contentType("application/json"),
        RequestBody.fromString(Json.write(items)));
  }

  List<DigestItem> edition(String runId) {
    byte[] bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key("digests/" + runId + "/edition.json")).asByteArray();
    try {
      return List.of(Json.MAPPER.readValue(bytes, DigestItem[].class));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Unreadable edition of " + runId, e);
    }
  }

  void putArchive(String runId, Map<String, String> htmlByLanguage) {
    htmlByLanguage.forEach((language, html) -> s3.putObject(r -> r.bucket(bucket).key(archiveKey(runId, language))
        .contentType("text/html; charset=utf-8"), RequestBody.fromString(html)));
  }

  Optional<String> archivedHtml(String runId, String language) {
    try {
      return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(archiveKey(runId, language))).asUtf8String());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  private static String archiveKey(String runId, String language) {
    return "digests/" + runId + "/" + language + ".html";
  }

  private static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }
}
