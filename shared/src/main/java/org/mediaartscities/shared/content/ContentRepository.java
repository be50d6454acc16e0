package org.mediaartscities.shared.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/**
 * Reads the public content: every list is one Query on a key or an index, never a Scan.
 */
public final class ContentRepository {

  /** Rows one request may examine before it returns a short page with a cursor; bounds a sparse filter's cost. */
  static final int MAX_EXAMINED = 1000;
  private static final int FILTERED_PAGE_SIZE = 100;

  private final DynamoDbTable<ContentRow> table;

  public ContentRepository(DynamoDbTable<ContentRow> table) {
    this.table = table;
  }

  /** Every member city, by slug. */
  public List<City> cities() {
    return table.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(ContentKeys.CITY_PK).build()))
        .items().stream()
        .map(row -> read(row.doc(), City.class))
        .sorted(Comparator.comparing(City::slug))
        .toList();
  }

  public Optional<City> city(String slug) {
    return Optional.ofNullable(table.getItem(Key.builder().partitionValue(ContentKeys.CITY_PK).sortValue(slug).build()))
        .map(row -> read(row.doc(), City.class));
  }

  /**
   * The item a slug names, current or former, if the public may see it at {@code now}. A caller that gets an item
   * whose slug differs from the one asked for knows the item moved.
   */
  public Optional<ContentItem> publicItem(Kind kind, String slug, Instant now) {
    ContentRow slugRow = table.getItem(Key.builder().partitionValue(ContentKeys.slugPk(kind, slug))
        .sortValue(ContentKeys.SLUG_SK).build());
    if (slugRow == null) {
      return Optional.empty();
    }
    return item(slugRow.ref()).filter(item -> item.kind() == kind && item.isPublicAt(now));
  }

  /** An item by id, whatever its status. */
  public Optional<ContentItem> item(String id) {
    return Optional.ofNullable(table.getItem(Key.builder().partitionValue(ContentKeys.itemPk(id))
            .sortValue(ContentKeys.ITEM_SK).build()))
        .map(row -> read(row.doc(), ContentItem.class));
  }

  /** An item with its version and editorial state, whatever its status: what editors work on. */
  public Optional<EditorialItem> editorialItem(String id) {
    return Optional.ofNullable(table.getItem(Key.builder().partitionValue(ContentKeys.itemPk(id))
            .sortValue(ContentKeys.ITEM_SK).build()))
        .map(ContentRepository::editorial);
  }

  /**
   * Items of a kind in any status, most recently changed first, for the editors' list.
   *
   * @param city a city slug, {@link ContentKeys#NETWORK} for network-wide items, or null for all
   * @param filter what else an item must satisfy, or null
   * @param after the position to resume after, or null
   */
  public EditorialPage editorialList(Kind kind, String city, java.util.function.Predicate<EditorialItem> filter,
      int limit, Map<String, String> after) {
    boolean byCity = city != null;
    String indexName = byCity ? ContentRow.EDITORIAL_BY_CITY : ContentRow.EDITORIAL_BY_KIND;
    String partition = byCity
        ? ContentKeys.cityPk(kind, ContentKeys.NETWORK.equals(city) ? null : city) : ContentKeys.kindPk(kind);
    Page<EditorialItem> page = page(indexName, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition)
        .build()), false, limit, filter == null ? limit + 1 : FILTERED_PAGE_SIZE, after, ContentRepository::editorial,
        filter);
    return new EditorialPage(page.items(), page.next());
  }

  /**
   * A call's jury, read strongly consistent (a juror just removed loses access at once); empty when the call never
   * had one. Never part of the public item.
   */
  public Optional<Jury> jury(String callId) {
    return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder().consistentRead(true)
            .key(Key.builder().partitionValue(ContentKeys.itemPk(callId)).sortValue(ContentKeys.JURY_SK).build())
            .build()))
        .map(row -> {
          Jury stored = read(row.doc(), Jury.class);
          return new Jury(callId, stored.reviewers(), row.version() == null ? stored.version() : row.version());
        });
  }

  /**
   * The ids of the calls whose jury names {@code email} (compared lower-cased), read from the jurors' index rows
   * with one Query. A call deleted a moment ago may still be named: readers look each call up anyway.
   */
  public List<String> callsJudgedBy(String email) {
    if (email == null || email.isBlank()) {
      return List.of();
    }
    return table.query(QueryEnhancedRequest.builder().consistentRead(true)
            .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                .partitionValue(ContentKeys.jurorPk(email)).sortValue(ContentKeys.JUROR_CALL_PREFIX).build()))
            .build())
        .items().stream().map(ContentRow::ref).toList();
  }

  /** An uploaded image's record. */
  public Optional<Media> media(String id) {
    return Optional.ofNullable(table.getItem(Key.builder().partitionValue(ContentKeys.mediaPk(id))
            .sortValue(ContentKeys.MEDIA_SK).build()))
        .map(row -> read(row.doc(), Media.class));
  }

  /** Which items name an uploaded image, as last recorded for each; strongly consistent. */
  public List<MediaUse> mediaUses(String mediaId) {
    return table.query(QueryEnhancedRequest.builder().consistentRead(true)
            .queryConditional(QueryConditional.sortBeginsWith(Key.builder()
                .partitionValue(ContentKeys.mediaPk(mediaId)).sortValue(ContentKeys.MEDIA_USE_PREFIX).build()))
            .build())
        .items().stream().map(row -> read(row.doc(), MediaUse.class)).toList();
  }

  /** An item's changes, oldest first; kept after the item is deleted. */
  public List<HistoryEntry> history(String id) {
    return table.query(QueryConditional.sortBeginsWith(Key.builder().partitionValue(ContentKeys.itemPk(id))
            .sortValue(ContentKeys.HISTORY_PREFIX).build()))
        .items().stream().map(row -> read(row.doc(), HistoryEntry.class)).toList();
  }

  /**
   * One page of a public list. Returns at most {@code limit} items that are public at {@code now} and match the
   * query, and the position after the last one, or after the last row examined when the examination budget ran
   * out first. Following positions to the end yields every matching item exactly once.
   */
  public ItemPage list(ItemQuery query, Instant now) {
    boolean byCity = query.city() != null;
    String indexName = byCity ? ContentRow.BY_CITY : ContentRow.BY_KIND;
    String partition = byCity ? ContentKeys.cityPk(query.kind(), query.city()) : ContentKeys.kindPk(query.kind());
    // Rows the key range selects are nearly all kept unless a tag or filter is asked for: read just one extra.
    boolean filtered = query.tag() != null || query.filter() != null;
    Page<ContentItem> page = page(indexName, condition(partition, query.fromSk(), query.toSk()), query.ascending(),
        query.limit(), filtered ? FILTERED_PAGE_SIZE : query.limit() + 1, query.after(),
        row -> read(row.doc(), ContentItem.class), item -> matches(item, query, now));
    return new ItemPage(page.items(), page.next());
  }

  private record Page<T>(List<T> items, Map<String, String> next) {}

  /**
   * Runs one Query on an index and keeps the rows that pass {@code keep}, up to {@code limit}. The position
   * returned is after the last item kept, or after the last row examined when the examination budget ran out
   * first; null when the partition's range is exhausted. Following positions yields every kept row exactly once.
   */
  private <T> Page<T> page(String indexName, QueryConditional condition, boolean ascending, int limit,
      int pageSize, Map<String, String> after, java.util.function.Function<ContentRow, T> read,
      java.util.function.Predicate<T> keep) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(condition)
        .scanIndexForward(ascending)
        .limit(pageSize)
        .exclusiveStartKey(after == null ? null : ContentKeys.toAttributes(after))
        .build();
    var items = new ArrayList<T>(limit);
    ContentRow lastKept = null;
    int examined = 0;
    for (var dynamoPage : table.index(indexName).query(request)) {
      for (ContentRow row : dynamoPage.items()) {
        T item = read.apply(row);
        if (keep == null || keep.test(item)) {
          if (items.size() == limit) {
            return new Page<>(items, ContentKeys.positionOf(lastKept, indexName));
          }
          items.add(item);
          lastKept = row;
        }
        if (++examined >= MAX_EXAMINED) {
          return new Page<>(items, ContentKeys.positionOf(row, indexName));
        }
      }
    }
    return new Page<>(items, null);
  }

  private static EditorialItem editorial(ContentRow row) {
    return new EditorialItem(read(row.doc(), ContentItem.class), row.version() == null ? 1 : row.version(),
        read(row.meta(), Editorial.class));
  }

  private static boolean matches(ContentItem item, ItemQuery query, Instant now) {
    return item.isPublicAt(now)
        && (query.tag() == null || item.tags().contains(query.tag()))
        && (query.filter() == null || query.filter().test(item));
  }

  private static QueryConditional condition(String partition, String fromSk, String toSk) {
    Key low = Key.builder().partitionValue(partition).sortValue(fromSk == null ? "" : fromSk).build();
    Key high = Key.builder().partitionValue(partition).sortValue(toSk == null ? "" : toSk).build();
    if (fromSk != null && toSk != null) {
      return QueryConditional.sortBetween(low, high);
    } else if (fromSk != null) {
      return QueryConditional.sortGreaterThanOrEqualTo(low);
    } else if (toSk != null) {
      return QueryConditional.sortLessThanOrEqualTo(high);
    }
    return QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build());
  }

  private static <T> T read(String doc, Class<T> type) {
    try {
      return Json.readStored(doc, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Stored " + type.getSimpleName() + " cannot be read", e);
    }
  }
}
