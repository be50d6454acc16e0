package org.mediaartscities.shared.content;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where an item is in its life. Only {@code PUBLISHED} items carry the listing index keys, so drafts and
 * unpublished items are absent from every public list by construction; a published item whose
 * {@code publishedAt} is in the future is scheduled, and the listing queries stop at the present.
 */
public enum PublicationStatus {
  DRAFT,
  PUBLISHED,
  UNPUBLISHED;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
