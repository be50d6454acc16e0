package org.mediaartscities.newsletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.store.StoreConflictException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Subscribers and their sent-digest records; every change is a conditional write on the row's version. */
final class SubscriberStore {

  /** How long a sent-digest record is kept: longer than any redelivery or repeated schedule could come. */
  static final Duration SENT_KEPT = Duration.ofDays(90);

  /** A subscriber as read, with the version its next write is conditional on. */
  record Stored(Subscriber subscriber, long version) {}

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<NewsletterRow> table;

  SubscriberStore(DynamoDbEnhancedClient client, DynamoDbTable<NewsletterRow> table) {
    this.client = client;
    this.table = table;
  }

  Optional<Stored> get(String id) {
    NewsletterRow row = table.getItem(r -> r.key(key(id)).consistentRead(true));
    return Optional.ofNullable(row).map(SubscriberStore::stored);
  }

  /**
   * The subscriber stored under a lookup's current id, or else under its legacy id, which is then moved to the
   * current id (one transaction: the legacy row goes, so that an address never has two rows). Sent-digest records
   * stay under the legacy id and expire there.
   */
  Optional<Stored> resolve(SubscriberIds.Lookup lookup) {
    Optional<Stored> current = get(lookup.current());
    if (current.isPresent() || lookup.legacy().isEmpty()) {
      return current;
    }
    Optional<Stored> legacy = get(lookup.legacy().get());
    if (legacy.isEmpty()) {
      return Optional.empty();
    }
    Subscriber moved = legacy.get().subscriber().withId(lookup.current());
    long version = legacy.get().version() + 1;
    try {
      client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
          .addPutItem(table, TransactPutItemEnhancedRequest.builder(NewsletterRow.class).item(row(moved, version))
              .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build())
          .addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder().key(key(lookup.legacy().get()))
              .conditionExpression(versionIs(legacy.get().version())).build())
          .build());
      return Optional.of(new Stored(moved, version));
    } catch (TransactionCanceledException e) {
      // Moved (or changed) by another request at the same moment: what it wrote is the answer.
      return Optional.of(get(lookup.current()).orElseThrow(() ->
          new StoreConflictException("newsletter subscriber", e)));
    }
  }

  /**
   * Creates ({@code before} empty) or replaces a subscriber; {@link StoreConflictException} if someone else wrote
   * since {@code before} was read.
   */
  Stored put(Subscriber subscriber, Optional<Stored> before) {
    long version = before.map(s -> s.version() + 1).orElse(1L);
    Expression condition = before.isEmpty()
        ? Expression.builder().expression("attribute_not_exists(pk)").build()
        : versionIs(before.get().version());
    try {
      table.putItem(PutItemEnhancedRequest.builder(NewsletterRow.class).item(row(subscriber, version))
          .conditionExpression(condition).build());
    } catch (ConditionalCheckFailedException e) {
      throw new StoreConflictException("newsletter subscriber", e);
    }
    return new Stored(subscriber, version);
  }

  /** Subscribers by id (each once), as stored now (missing ones left out). */
  List<Subscriber> getAll(List<String> requested) {
    List<String> ids = requested.stream().distinct().toList(); // BatchGetItem refuses a key twice
    var found = new ArrayList<Subscriber>();
    for (int from = 0; from < ids.size(); from += 100) {
      var batch = ReadBatch.builder(NewsletterRow.class).mappedTableResource(table);
      ids.subList(from, Math.min(ids.size(), from + 100)).forEach(id -> batch.addGetItem(key(id)));
      client.batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
          .resultsForTable(table).forEach(row -> found.add(stored(row).subscriber()));
    }
    return found;
  }

  /** Every confirmed subscriber of a frequency, by id, a page at a time: Queries on the sparse index's shards. */
  void confirmedIds(Preferences.Frequency frequency, Consumer<List<String>> pageConsumer) {
    for (int shard = 0; shard < NewsletterRow.SHARDS; shard++) {
      String partition = frequency.id() + "#" + shard;
      for (var page : table.index(NewsletterRow.CONFIRMED).query(r -> r.queryConditional(
          QueryConditional.keyEqualTo(k -> k.partitionValue(partition))).attributesToProject("pk"))) {
        if (!page.items().isEmpty()) {
          pageConsumer.accept(page.items().stream().map(row -> row.pk().substring("SUB#".length())).toList());
        }
      }
    }
  }

  /**
   * Records that a run's digest goes to a subscriber, before it is sent; false if it was recorded already (the
   * schedule fired twice, the planner was retried or the batch redelivered): then it must not be sent again.
   */
  boolean claimSend(String runId, String subscriberId, Instant now) {
    try {
      table.putItem(PutItemEnhancedRequest.builder(NewsletterRow.class)
          .item(new NewsletterRow(NewsletterRow.subscriberPk(subscriberId), "SENT#" + runId, null, null, null,
              now.plus(SENT_KEPT).getEpochSecond()))
          .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Gives a claim back when sending failed for sure, so that a redelivery can try again. */
  void releaseSend(String runId, String subscriberId) {
    try {
      table.deleteItem(Key.builder().partitionValue(NewsletterRow.subscriberPk(subscriberId))
          .sortValue("SENT#" + runId).build());
    } catch (SdkException e) {
      // kept: the subscriber misses this digest rather than risking it twice
    }
  }

  private static Expression versionIs(long version) {
    return Expression.builder().expression("#v = :v").putExpressionName("#v", "version")
        .putExpressionValue(":v", AttributeValue.fromN(Long.toString(version))).build();
  }

  private static Key key(String id) {
    return Key.builder().partitionValue(NewsletterRow.subscriberPk(id)).sortValue(NewsletterRow.SUBSCRIBER_SK).build();
  }

  private static NewsletterRow row(Subscriber subscriber, long version) {
    String shard = subscriber.status() == Subscriber.Status.CONFIRMED
        ? subscriber.preferences().frequency().id() + "#" + Math.floorMod(subscriber.id().hashCode(),
            NewsletterRow.SHARDS)
        : null;
    return new NewsletterRow(NewsletterRow.subscriberPk(subscriber.id()), NewsletterRow.SUBSCRIBER_SK, version,
        Json.write(subscriber), shard, null);
  }

  private static Stored stored(NewsletterRow row) {
    try {
      return new Stored(Json.readStored(row.doc(), Subscriber.class), row.version());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Unreadable subscriber " + row.pk(), e);
    }
  }
}
