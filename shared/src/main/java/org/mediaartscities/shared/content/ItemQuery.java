package org.mediaartscities.shared.content;

import java.util.Map;
import java.util.function.Predicate;

/**
 * One page of a public list, as the store runs it: a DynamoDB Query on the kind's (or the kind and city's)
 * index partition, over a range of {@code listSk}, then a filter on what the key cannot express.
 *
 * @param city a city slug, or null for every city
 * @param tag a tag every returned item has, or null
 * @param fromSk lowest {@code listSk} included, or null
 * @param toSk highest {@code listSk} included, or null
 * @param ascending soonest first (events, calls) or newest first
 * @param filter what else an item must satisfy (its visibility is always checked as well)
 * @param limit page size
 * @param after the position to resume after (from a cursor), or null for the first page
 */
public record ItemQuery(
    Kind kind,
    String city,
    String tag,
    String fromSk,
    String toSk,
    boolean ascending,
    Predicate<ContentItem> filter,
    int limit,
    Map<String, String> after) {}
