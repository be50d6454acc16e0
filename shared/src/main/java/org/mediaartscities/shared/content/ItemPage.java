package org.mediaartscities.shared.content;

import java.util.List;
import java.util.Map;

/**
 * A page of items and where the next page starts.
 *
 * @param next the position to resume after, or null when the list is complete
 */
public record ItemPage(List<ContentItem> items, Map<String, String> next) {}
