package org.mediaartscities.shared.content;

import java.time.Instant;
import java.util.List;

/**
 * One change of an item: who (the token's subject), when, what they did and which fields changed.
 *
 * @param action {@code created}, {@code updated}, {@code published}, {@code scheduled}, {@code unpublished} or
 *     {@code deleted}
 * @param version the item's version after the change
 */
public record HistoryEntry(Instant at, String by, String action, long version, List<String> changed) {

  public HistoryEntry {
    changed = changed == null ? List.of() : List.copyOf(changed);
  }
}
