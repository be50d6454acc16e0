package org.mediaartscities.content;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Item bodies already rendered to HTML, by item and language, so that a warm container renders an item's Markdown
 * once instead of on every read of its detail (rendering was the detail's largest cost after reading the row).
 *
 * <p>An entry holds the Markdown it was rendered from and serves only that same text: an edited item (a new version,
 * whose body differs) is rendered again and replaces its entry, so an answer is always what {@link Markdown} would
 * render now. Bounded, least recently read first out, by entries and by characters held: the items and languages a
 * container may read over its life have no limit, and a body may hold 50,000 characters.
 */
final class RenderedBodies {

  static final int MAX_ENTRIES = 256;
  /** Markdown and HTML together, in characters: a few MB at most. */
  static final long MAX_CHARS = 2_000_000;

  private record Key(String itemId, String lang) {}

  private record Rendered(String markdown, String html) {

    long chars() {
      return markdown.length() + (long) html.length();
    }
  }

  private final int maxEntries;
  private final long maxChars;
  // Access order: a read moves its entry to the end, so the first entry is the one least recently read.
  private final LinkedHashMap<Key, Rendered> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long chars;

  RenderedBodies() {
    this(MAX_ENTRIES, MAX_CHARS);
  }

  RenderedBodies(int maxEntries, long maxChars) {
    this.maxEntries = maxEntries;
    this.maxChars = maxChars;
  }

  /** The safe HTML of {@code markdown}, the body of item {@code itemId} in {@code lang}; null for a null body. */
  String html(String itemId, String lang, String markdown) {
    if (markdown == null) {
      return null;
    }
    var key = new Key(itemId, lang);
    synchronized (this) {
      Rendered cached = entries.get(key);
      if (cached != null && cached.markdown().equals(markdown)) {
        return cached.html();
      }
    }
    // Rendered outside the lock: two threads may render the same body at once, and both get the same HTML.
    var rendered = new Rendered(markdown, Markdown.toSafeHtml(markdown));
    synchronized (this) {
      Rendered replaced = entries.put(key, rendered);
      chars += rendered.chars() - (replaced == null ? 0 : replaced.chars());
      Iterator<Rendered> eldest = entries.values().iterator();
      while ((entries.size() > maxEntries || chars > maxChars) && eldest.hasNext()) {
        chars -= eldest.next().chars();
        eldest.remove();
      }
    }
    return rendered.html();
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long chars() {
    return chars;
  }

  synchronized boolean holds(String itemId, String lang) {
    return entries.containsKey(new Key(itemId, lang));
  }
}
