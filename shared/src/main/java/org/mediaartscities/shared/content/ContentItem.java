package org.mediaartscities.shared.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A news item, event, call, project or City to City edition, with its text in one or more languages.
 *
 * <p>Exactly the details of its kind are set: {@code event} for events, {@code call} for calls, {@code project}
 * for projects and City to City; the others are null.
 *
 * @param city the slug of the city that publishes it, or null for a network-wide item
 * @param originalLanguage the language it was written in, the last fallback
 * @param translations its text per language tag
 * @param publishedAt when it becomes public; null for a draft
 */
public record ContentItem(
    String id,
    Kind kind,
    String slug,
    String city,
    String originalLanguage,
    Map<String, Translation> translations,
    List<String> tags,
    List<Image> images,
    PublicationStatus status,
    Instant publishedAt,
    EventDetails event,
    CallDetails call,
    ProjectDetails project) {

  public ContentItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(status, "status");
    if (translations == null || translations.isEmpty()) {
      throw new IllegalArgumentException("An item needs at least one translation");
    }
    translations = Map.copyOf(translations);
    tags = tags == null ? List.of() : List.copyOf(tags);
    images = images == null ? List.of() : List.copyOf(images);
    if ((kind == Kind.EVENT) != (event != null) || (kind == Kind.CALL) != (call != null)
        || (kind == Kind.PROJECT || kind == Kind.CITY_TO_CITY) != (project != null)) {
      throw new IllegalArgumentException("A " + kind.id() + " must carry the details of its kind, and only those");
    }
  }

  /** The same item under another slug. */
  public ContentItem withSlug(String slug) {
    return new ContentItem(id, kind, slug, city, originalLanguage, translations, tags, images, status, publishedAt,
        event, call, project);
  }

  /** The same item with another publication status, keeping its publication time. */
  public ContentItem withStatus(PublicationStatus status) {
    return new ContentItem(id, kind, slug, city, originalLanguage, translations, tags, images, status, publishedAt,
        event, call, project);
  }

  /** The same item published (or scheduled) at {@code publishedAt}. */
  public ContentItem withPublishedAt(Instant publishedAt) {
    return new ContentItem(id, kind, slug, city, originalLanguage, translations, tags, images, status, publishedAt,
        event, call, project);
  }

  /** The same call with other call details (its form, for instance). */
  public ContentItem withCall(CallDetails call) {
    return new ContentItem(id, kind, slug, city, originalLanguage, translations, tags, images, status, publishedAt,
        event, call, project);
  }

  /** Whether the public may see it at {@code now}: published, and not scheduled later. */
  public boolean isPublicAt(Instant now) {
    return status == PublicationStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
  }

  /**
   * The instant its kind's lists are ordered by: start for events, closing for calls, publication otherwise.
   */
  public Instant listedAt() {
    return switch (kind) {
      case EVENT -> event.startsAt();
      case CALL -> call.closesAt();
      case NEWS, PROJECT, CITY_TO_CITY -> publishedAt;
    };
  }
}
