package org.mediaartscities.newsletter;

import java.util.function.Supplier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.aws.LazyClients;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Digest runs (DynamoDB) and their editions and archived HTML (S3 {@code digests/{run id}/}): written by the
 * planner, read by the sender and by the public archive.
 *
 * <p>The runs of a frequency form a chain: {@code LAST#{frequency}} names the newest, and a run joins the chain in
 * the same transaction that records it, on the condition that nobody joined since the planner read the chain. So two
 * runs never take the same stretch of time, however they are fired.
 */
final class DigestRuns {

  private static final String LIST_PK = "DIGESTS";

  /** The newest run of a frequency's chain, and the version that the next run's joining is conditional on. */
  record Head(DigestRun run, long version) {}

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<NewsletterRow> table;
  private final Supplier<S3Client> s3;
  private final String bucket;

  DigestRuns(DynamoDbEnhancedClient client, DynamoDbTable<NewsletterRow> table, Supplier<S3Client> s3,
      String bucket) {
    this.client = client;
    this.table = table;
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** The runs of {@code table}, with their files in the bucket named by {@code NEWSLETTER_BUCKET}. */
  static DigestRuns fromEnvironment(DynamoDbEnhancedClient client, DynamoDbTable<NewsletterRow> table) {
    // Built on first use: only the archive's pages and the digest's planning and sending read or write S3.
    return new DigestRuns(client, table, LazyClients.of(AwsClients::s3),
        Env.required("NEWSLETTER_BUCKET"));
  }

  Optional<DigestRun> get(String id) {
    return Optional.ofNullable(table.getItem(r -> r.key(key("RUN#" + id, "RUN")).consistentRead(true)))
        .map(row -> Json.read(row.doc(), DigestRun.class));
  }

  /**
   * Records a new run and makes it the head of its chain, both or neither: false if a run with that id exists (the
   * schedule fired twice) or another run joined the chain after {@code after} was read.
   */
  boolean create(DigestRun run, Optional<Head> after) {
    long version = after.map(head -> head.version() + 1).orElse(1L);
    try {
      client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
          .addPutItem(table, TransactPutItemEnhancedRequest.builder(NewsletterRow.class)
              .item(new NewsletterRow("RUN#" + run.id(), "RUN", null, Json.write(run), null, null))
              .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build())
          .addPutItem(table, TransactPutItemEnhancedRequest.builder(NewsletterRow.class)
              .item(new NewsletterRow(headPk(run.frequency()), "LAST", version, Json.write(run), null, null))
              .conditionExpression(unchanged(after)).build())
          .build());
      return true;
    } catch (TransactionCanceledException e) {
      return false; // a condition failed, or a concurrent planner's transaction held a row: either way it lost
    }
  }

  /** The head is still the one read: none yet, or the same version. */
  private static Expression unchanged(Optional<Head> head) {
    if (head.isEmpty()) {
      return Expression.builder().expression("attribute_not_exists(pk)").build();
    }
    if (head.get().version() == 0) { // written before heads had versions
      return Expression.builder().expression("attribute_not_exists(#v)").putExpressionName("#v", "version").build();
    }
    return Expression.builder().expression("#v = :v").putExpressionName("#v", "version")
        .putExpressionValue(":v", AttributeValue.fromN(Long.toString(head.get().version()))).build();
  }

  /** Marks a run planned (or empty) and lists it in the public archive if it had anything. */
  void finish(DigestRun run) {
    table.putItem(new NewsletterRow("RUN#" + run.id(), "RUN", null, Json.write(run), null, null));
    if (run.items() > 0) {
      table.putItem(new NewsletterRow(LIST_PK, run.until() + "#" + run.id(), null, Json.write(run), null, null));
    }
  }

  /** The newest run of a frequency, as it was when it joined the chain; empty before the first. */
  Optional<Head> head(Preferences.Frequency frequency) {
    return Optional.ofNullable(table.getItem(r -> r.key(key(headPk(frequency), "LAST")).consistentRead(true)))
        .map(row -> new Head(Json.read(row.doc(), DigestRun.class), row.version() == null ? 0 : row.version()));
  }

  /** The public archive, newest first. */
  List<DigestRun> archive(int limit) {
    return table.query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(LIST_PK)))
            .scanIndexForward(false).limit(limit)).stream().findFirst().map(page -> page.items().stream()
            .map(row -> Json.read(row.doc(), DigestRun.class)).toList()).orElse(List.of());
  }

  void putEdition(String runId, List<DigestItem> items) {
    s3.get().putObject(r -> r.bucket(bucket).key("digests/" + runId + "/edition.json").contentType("application/json"),
        RequestBody.fromString(Json.write(items)));
  }

  List<DigestItem> edition(String runId) {
    byte[] bytes = s3.get().getObjectAsBytes(r -> r.bucket(bucket).key("digests/" + runId + "/edition.json")).asByteArray();
    try {
      return List.of(Json.MAPPER.readValue(bytes, DigestItem[].class));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Unreadable edition of " + runId, e);
    }
  }

  void putArchive(String runId, Map<String, String> htmlByLanguage) {
    htmlByLanguage.forEach((language, html) -> s3.get().putObject(r -> r.bucket(bucket).key(archiveKey(runId, language))
        .contentType("text/html; charset=utf-8"), RequestBody.fromString(html)));
  }

  Optional<String> archivedHtml(String runId, String language) {
    try {
      return Optional.of(s3.get().getObjectAsBytes(r -> r.bucket(bucket).key(archiveKey(runId, language))).asUtf8String());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  private static String archiveKey(String runId, String language) {
    return "digests/" + runId + "/" + language + ".html";
  }

  private static String headPk(Preferences.Frequency frequency) {
    return "LAST#" + frequency.id();
  }

  private static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }
}
