package org.mediaartscities.newsletter;

import java.time.Instant;
import java.util.Map;

/**
 * What a digest says of one published item, in every language it has: taken from the content when the run is
 * planned, so that every subscriber of a run reads the same edition.
 *
 * @param texts language → title and summary
 * @param startsAt events only
 * @param closesAt calls only
 * @param imageUrl the item's first image (absolute), or null
 * @param imageAlt language → the image's alt text
 */
record DigestItem(Preferences.Topic topic, String id, String slug, String city, String originalLanguage,
    Map<String, Text> texts, Instant startsAt, Instant endsAt, Instant closesAt, String timeZone, Instant publishedAt,
    String imageUrl, Map<String, String> imageAlt) {

  /** A title and a summary in one language. */
  record Text(String title, String summary) {}
}
