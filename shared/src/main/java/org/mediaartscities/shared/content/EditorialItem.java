package org.mediaartscities.shared.content;

/**
 * An item as editors see it: its content, its version (for optimistic locking with ETag / If-Match) and its
 * editorial state.
 */
public record EditorialItem(ContentItem item, long version, Editorial editorial) {}
