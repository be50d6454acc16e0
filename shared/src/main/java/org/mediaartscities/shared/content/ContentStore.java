package org.mediaartscities.shared.content;

import java.util.List;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes cities and items. Every change of an item is one transaction: the item row (conditioned on the version
 * the editor read), the rows reserving its slugs, and a history entry; so a change happens whole or not at all,
 * and two editors saving at once cannot both win.
 */
public final class ContentStore {

  private static final String SYSTEM = "system";
  private static final int MAX_ATTEMPTS = 4;

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ContentRow> table;

  public ContentStore(DynamoDbEnhancedClient client, DynamoDbTable<ContentRow> table) {
    this.client = client;
    this.table = table;
  }

  /** Creates or replaces a city (sample data). */
  public void putCity(City city) {
    table.putItem(ContentRow.document(ContentKeys.CITY_PK, city.slug(), Json.write(city)));
  }

  /**
   * Adds a city that does not exist yet.
   *
   * @return false when a city with that slug already exists (nothing is written)
   */
  public boolean createCity(City city) {
    return conditionalPutCity(city, "attribute_not_exists(pk)");
  }

  /**
   * Replaces an existing city.
   *
   * @return false when no city has that slug (nothing is written)
   */
  public boolean updateCity(City city) {
    return conditionalPutCity(city, "attribute_exists(pk)");
  }

  /** Records an upload request, or the outcome of its check. */
  public void putMedia(Media media) {
    table.putItem(ContentRow.document(ContentKeys.mediaPk(media.id()), ContentKeys.MEDIA_SK, Json.write(media)));
  }

  /**
   * Records what version {@code itemVersion} of an item makes of an image, unless a later version was recorded
   * already: two saves of one item whose follow-ups interleave leave the later one's word.
   *
   * @return false when a later version was recorded (nothing is written)
   */
  public boolean putMediaUse(String mediaId, MediaUse use, long itemVersion) {
    var row = new ContentRow(ContentKeys.mediaPk(mediaId), ContentKeys.mediaUseSk(use.itemId()), null, null, null,
        use.itemId(), Json.write(use), itemVersion, null, null, null, null);
    try {
      table.putItem(PutItemEnhancedRequest.builder(ContentRow.class).item(row)
          .conditionExpression(Expression.builder().expression("attribute_not_exists(pk) OR #version < :version")
              .putExpressionName("#version", "version")
              .putExpressionValue(":version", AttributeValue.fromN(Long.toString(itemVersion))).build())
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** Forgets an uploaded image's record (its use rows stay, naming items that no longer show it). */
  public void deleteMedia(String id) {
    table.deleteItem(Key.builder().partitionValue(ContentKeys.mediaPk(id)).sortValue(ContentKeys.MEDIA_SK).build());
  }

  /** Writes a published item as version 1, without history: for sample data and tests. */
  public void putItem(ContentItem item) {
    var at = item.publishedAt() == null ? java.time.Instant.now() : item.publishedAt();
    create(item, Editorial.created(at, SYSTEM), new HistoryEntry(at, SYSTEM, "created", 1, List.of()));
  }

  /**
   * Creates an item at version 1 and reserves its slug.
   *
   * @throws SlugTakenException when another item of its kind holds the slug
   */
  public void create(ContentItem item, Editorial editorial, HistoryEntry history) {
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(table, TransactPutItemEnhancedRequest.builder(ContentRow.class)
            .item(itemRow(item, 1, editorial))
            .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build())
        .addPutItem(table, slugReservation(item.kind(), item.slug(), item.id()))
        .addPutItem(table, historyRow(item.id(), history));
    run(write.build(), item);
  }

  /**
   * Replaces an item if it is still at {@code expectedVersion}; reserves its new slug if it changed (the former
   * one keeps pointing to the item).
   *
   * @return the new version
   * @throws VersionConflictException when the item changed meanwhile, or was deleted
   * @throws SlugTakenException when the new slug belongs to another item
   */
  public long replace(ContentItem item, long expectedVersion, Editorial editorial, boolean slugChanged,
      HistoryEntry history) {
    long version = expectedVersion + 1;
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(table, TransactPutItemEnhancedRequest.builder(ContentRow.class)
            .item(itemRow(item, version, editorial))
            .conditionExpression(versionIs(expectedVersion)).build());
    if (slugChanged) {
      write.addPutItem(table, slugReservation(item.kind(), item.slug(), item.id()));
    }
    write.addPutItem(table, historyRow(item.id(), history));
    run(write.build(), item);
    return version;
  }

  /**
   * Deletes an item at {@code expectedVersion} and frees its slugs; its history stays.
   *
   * @throws VersionConflictException when the item changed meanwhile, or was already deleted
   */
  public void delete(EditorialItem current, HistoryEntry history) {
    ContentItem item = current.item();
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder()
            .key(Key.builder().partitionValue(ContentKeys.itemPk(item.id())).sortValue(ContentKeys.ITEM_SK).build())
            .conditionExpression(versionIs(current.version())).build());
    var slugs = new java.util.LinkedHashSet<>(current.editorial().formerSlugs());
    slugs.add(item.slug());
    for (String slug : slugs) {
      write.addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder()
          .key(Key.builder().partitionValue(ContentKeys.slugPk(item.kind(), slug)).sortValue(ContentKeys.SLUG_SK)
              .build())
          .conditionExpression(Expression.builder().expression("attribute_not_exists(pk) OR #ref = :id")
              .putExpressionName("#ref", "ref").putExpressionValue(":id", AttributeValue.fromS(item.id())).build())
          .build());
    }
    write.addPutItem(table, historyRow(item.id(), history));
    run(write.build(), item);
    if (item.kind() == Kind.CALL) {
      try {
        removeJury(item.id());
      } catch (RuntimeException e) {
        // The call is gone, which is what was asked: rows left behind name a missing call, which readers skip
        // (see ContentRepository.callsJudgedBy), and grant nothing.
      }
    }
  }

  /**
   * Replaces a call's jury if it is still at {@code expectedVersion} (0: the call has none yet), with the index
   * rows of its jurors, in one transaction: added jurors gain their row, removed ones lose theirs.
   *
   * @param reviewers email addresses; lower-cased and de-duplicated here
   * @return the jury as stored, at {@code expectedVersion + 1}
   * @throws VersionConflictException when the jury changed meanwhile, or the call was deleted
   * @throws IllegalArgumentException for more than {@link Jury#MAX_REVIEWERS} reviewers
   */
  public Jury putJury(String callId, List<String> reviewers, long expectedVersion) {
    Jury jury = new Jury(callId, reviewers, expectedVersion + 1);
    if (jury.reviewers().size() > Jury.MAX_REVIEWERS) {
      throw new IllegalArgumentException("A jury has at most " + Jury.MAX_REVIEWERS + " reviewers");
    }
    Jury current = new ContentRepository(table).jury(callId).orElse(Jury.none(callId));
    if (current.version() != expectedVersion) {
      throw new VersionConflictException(callId);
    }
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(table, TransactPutItemEnhancedRequest.builder(ContentRow.class)
            .item(new ContentRow(ContentKeys.itemPk(callId), ContentKeys.JURY_SK, null, null, null, null,
                Json.write(jury), jury.version(), null, null, null, null))
            .conditionExpression(expectedVersion == 0
                ? Expression.builder().expression("attribute_not_exists(pk)").build()
                : versionIs(expectedVersion)).build())
        // A call deleted meanwhile gets no jury: its rows would outlive it.
        .addConditionCheck(table, ConditionCheck.builder()
            .key(Key.builder().partitionValue(ContentKeys.itemPk(callId)).sortValue(ContentKeys.ITEM_SK).build())
            .conditionExpression(Expression.builder().expression("attribute_exists(pk)").build()).build());
    // Every current juror's row is written again, so that the index mends itself should a row ever be missing.
    for (String reviewer : jury.reviewers()) {
      write.addPutItem(table, jurorRow(reviewer, callId));
    }
    for (String former : current.reviewers()) {
      if (!jury.reviewers().contains(former)) {
        write.addDeleteItem(table, jurorKey(former, callId));
      }
    }
    run(write.build(), e -> conflicted(e) ? new VersionConflictException(callId) : e);
    return jury;
  }

  // After its call is deleted, a jury grants nothing: its rows go, so that no juror is pointed to a missing call.
  // Unconditional: a jury saved in between is removed too, which is what deleting the call asks for.
  private void removeJury(String callId) {
    Jury jury = new ContentRepository(table).jury(callId).orElse(null);
    if (jury == null) {
      return;
    }
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addDeleteItem(table, Key.builder().partitionValue(ContentKeys.itemPk(callId))
            .sortValue(ContentKeys.JURY_SK).build());
    for (String reviewer : jury.reviewers()) {
      write.addDeleteItem(table, jurorKey(reviewer, callId));
    }
    run(write.build(), e -> e);
  }

  private static ContentRow jurorRow(String reviewer, String callId) {
    return new ContentRow(ContentKeys.jurorPk(reviewer), ContentKeys.jurorSk(callId), null, null, null, callId, null,
        null, null, null, null, null);
  }

  private static Key jurorKey(String reviewer, String callId) {
    return Key.builder().partitionValue(ContentKeys.jurorPk(reviewer)).sortValue(ContentKeys.jurorSk(callId)).build();
  }

  private static boolean conflicted(TransactionCanceledException e) {
    return e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
  }

  private ContentRow itemRow(ContentItem item, long version, Editorial editorial) {
    boolean listed = item.status() == PublicationStatus.PUBLISHED && item.publishedAt() != null;
    return new ContentRow(ContentKeys.itemPk(item.id()), ContentKeys.ITEM_SK,
        listed ? ContentKeys.kindPk(item.kind()) : null,
        listed ? ContentKeys.cityPk(item.kind(), item.city()) : null,
        listed ? ContentKeys.listSk(item) : null,
        null, Json.write(item), version,
        ContentKeys.kindPk(item.kind()), ContentKeys.cityPk(item.kind(), item.city()),
        ContentKeys.editSk(editorial.updatedAt(), item.id()), Json.write(editorial));
  }

  private TransactPutItemEnhancedRequest<ContentRow> slugReservation(Kind kind, String slug, String id) {
    var row = new ContentRow(ContentKeys.slugPk(kind, slug), ContentKeys.SLUG_SK, null, null, null, id, null, null,
        null, null, null, null);
    return TransactPutItemEnhancedRequest.builder(ContentRow.class).item(row)
        .conditionExpression(Expression.builder().expression("attribute_not_exists(pk) OR #ref = :id")
            .putExpressionName("#ref", "ref").putExpressionValue(":id", AttributeValue.fromS(id)).build())
        .build();
  }

  private static ContentRow historyRow(String id, HistoryEntry entry) {
    return ContentRow.document(ContentKeys.itemPk(id), ContentKeys.historySk(entry), Json.write(entry));
  }

  private static Expression versionIs(long version) {
    return Expression.builder().expression("#version = :version")
        .putExpressionName("#version", "version")
        .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version))).build();
  }

  private boolean conditionalPutCity(City city, String condition) {
    try {
      table.putItem(PutItemEnhancedRequest.builder(ContentRow.class)
          .item(ContentRow.document(ContentKeys.CITY_PK, city.slug(), Json.write(city)))
          .conditionExpression(Expression.builder().expression(condition).build()).build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  // The first write of every transaction is the item row; a failed condition there is a version conflict,
  // anywhere else a slug held by another item.
  private void run(TransactWriteItemsEnhancedRequest request, ContentItem item) {
    run(request, e -> translate(e, item));
  }

  private void run(TransactWriteItemsEnhancedRequest request,
      java.util.function.Function<TransactionCanceledException, RuntimeException> translate) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.transactWriteItems(request);
        return;
      } catch (TransactionCanceledException e) {
        boolean contended = e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
        if (!contended || attempt == MAX_ATTEMPTS) {
          throw translate.apply(e);
        }
        pause(attempt);
      }
    }
  }

  // Another transaction held one of the rows: once it is done, ours either passes or fails its conditions.
  private static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextInt(20));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static RuntimeException translate(TransactionCanceledException e, ContentItem item) {
    List<CancellationReason> reasons = e.cancellationReasons();
    if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code())) {
      return new VersionConflictException(item.id());
    }
    if (reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
      return new SlugTakenException(item.kind(), item.slug());
    }
    return e;
  }
}
