package org.mediaartscities.shared.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.mediaartscities.shared.digest.Sha256;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key design of the content table, in one place (docs/ARCHITECTURE.md explains it).
 *
 * <pre>
 * city        pk = CITY                 sk = {slug}
 * item        pk = ITEM#{id}            sk = ITEM      kindPk = {kind}  cityPk = {kind}#{city|network}
 *                                                      listSk = {instant}#{id}   (published items only)
 *                                                      editKindPk = {kind}  editCityPk = {kind}#{city|network}
 *                                                      editSk = {updatedAt}#{id}  (every item, any status)
 * history     pk = ITEM#{id}            sk = HIST#{at}#{version}
 * slug        pk = SLUG#{kind}#{slug}   sk = SLUG      ref = {id}
 * media       pk = MEDIA#{id}           sk = MEDIA
 * media use   pk = MEDIA#{id}           sk = USE#{itemId}  version (the item's)  (which items show the image)
 * jury        pk = ITEM#{callId}        sk = JURY      version          (no index attribute: never listed)
 * juror       pk = JUROR#{sha256(email)} sk = CALL#{callId}  ref = {callId}   (one per juror of each call)
 * </pre>
 */
public final class ContentKeys {

  public static final String CITY_PK = "CITY";
  public static final String ITEM_SK = "ITEM";
  public static final String SLUG_SK = "SLUG";
  static final String JURY_SK = "JURY";
  static final String JUROR_CALL_PREFIX = "CALL#";
  /** Stands for "no city" in keys and in the admin API's {@code city} filter. */
  public static final String NETWORK = "network";
  static final String HISTORY_PREFIX = "HIST#";

  /**
   * Appended to an instant, sorts after every {@code #id} suffix: {@code instant + AFTER} bounds a range so that
   * items listed at that very second fall on the near side.
   */
  static final String AFTER = "#~";

  private ContentKeys() {}

  public static String itemPk(String id) {
    return "ITEM#" + id;
  }

  public static String mediaPk(String id) {
    return "MEDIA#" + id;
  }

  public static final String MEDIA_SK = "MEDIA";
  static final String MEDIA_USE_PREFIX = "USE#";

  static String mediaUseSk(String itemId) {
    return MEDIA_USE_PREFIX + itemId;
  }

  // Keyed by a digest: the address itself appears only in the jury row, which editors read.
  static String jurorPk(String email) {
    return "JUROR#" + java.util.HexFormat.of().formatHex(Sha256.of(Jury.address(email)));
  }

  static String jurorSk(String callId) {
    return JUROR_CALL_PREFIX + callId;
  }

  public static String slugPk(Kind kind, String slug) {
    return "SLUG#" + kind.id() + "#" + slug;
  }

  static String historySk(HistoryEntry entry) {
    return HISTORY_PREFIX + instantMillis(entry.at()) + "#" + String.format("%010d", entry.version());
  }

  static String editSk(Instant updatedAt, String id) {
    return instantMillis(updatedAt) + "#" + id;
  }

  // Fixed width (always three fraction digits), so that text order is time order.
  private static final java.time.format.DateTimeFormatter MILLIS =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  private static String instantMillis(Instant instant) {
    return MILLIS.format(instant);
  }

  static String kindPk(Kind kind) {
    return kind.id();
  }

  static String cityPk(Kind kind, String city) {
    return kind.id() + "#" + (city == null ? NETWORK : city);
  }

  /** Index instants at second precision, fixed width, so that text order is time order. */
  public static String instant(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Lowest {@code listSk} of items listed at or after {@code t}. */
  public static String skAtOrAfter(Instant t) {
    return instant(t);
  }

  /** Lowest {@code listSk} of items listed after {@code t}'s second. */
  public static String skAfter(Instant t) {
    return instant(t) + AFTER;
  }

  /** Highest {@code listSk} of items listed at or before {@code t}'s second. */
  public static String skAtOrBefore(Instant t) {
    return instant(t) + AFTER;
  }

  /** Highest {@code listSk} of items listed before {@code t}'s second. */
  public static String skBefore(Instant t) {
    return instant(t);
  }

  /** The list sort key of a published item: the order public lists follow. */
  public static String listSk(ContentItem item) {
    return instant(item.listedAt()) + "#" + item.id();
  }

  /** The key attributes of a row as seen through an index: what a cursor carries to resume after it. */
  static Map<String, String> positionOf(ContentRow row, String index) {
    var key = new HashMap<String, String>();
    key.put("pk", row.pk());
    key.put("sk", row.sk());
    key.put("listSk", row.listSk());
    switch (index) {
      case ContentRow.BY_KIND -> key.put("kindPk", row.kindPk());
      case ContentRow.BY_CITY -> key.put("cityPk", row.cityPk());
      case ContentRow.EDITORIAL_BY_KIND -> key.put("editKindPk", row.editKindPk());
      case ContentRow.EDITORIAL_BY_CITY -> key.put("editCityPk", row.editCityPk());
      default -> throw new IllegalArgumentException("Unknown index " + index);
    }
    if (index.startsWith("Editorial")) {
      key.remove("listSk");
      key.put("editSk", row.editSk());
    }
    return key;
  }

  static Map<String, AttributeValue> toAttributes(Map<String, String> position) {
    var key = new HashMap<String, AttributeValue>();
    position.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
    return key;
  }
}
