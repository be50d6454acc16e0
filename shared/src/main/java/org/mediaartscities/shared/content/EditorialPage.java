package org.mediaartscities.shared.content;

import java.util.List;
import java.util.Map;

/**
 * A page of the editors' list and where the next page starts.
 *
 * @param next the position to resume after, or null when the list is complete
 */
public record EditorialPage(List<EditorialItem> items, Map<String, String> next) {}
