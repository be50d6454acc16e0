package org.mediaartscities.shared.content;

import java.time.Instant;
import java.util.List;

/**
 * The editorial state of an item, beside its content: who created and last changed it, and the slugs it had
 * before (which keep answering, so that shared links survive a rename).
 *
 * @param createdBy the token subject of the editor who created it
 */
public record Editorial(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
    List<String> formerSlugs) {

  public Editorial {
    formerSlugs = formerSlugs == null ? List.of() : List.copyOf(formerSlugs);
  }

  /** The state of an item just created by {@code subject}. */
  public static Editorial created(Instant at, String subject) {
    return new Editorial(at, subject, at, subject, List.of());
  }

  /** The state after a change by {@code subject}. */
  public Editorial changed(Instant at, String subject) {
    return new Editorial(createdAt, createdBy, at, subject, formerSlugs);
  }

  /** The state after a rename from {@code oldSlug}. */
  public Editorial renamedFrom(String oldSlug) {
    var slugs = new java.util.ArrayList<>(formerSlugs);
    if (!slugs.contains(oldSlug)) {
      slugs.add(oldSlug);
    }
    return new Editorial(createdAt, createdBy, updatedAt, updatedBy, slugs);
  }
}
