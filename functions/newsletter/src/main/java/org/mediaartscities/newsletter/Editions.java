package org.mediaartscities.newsletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentKeys;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.Image;
import org.mediaartscities.shared.content.ItemPage;
import org.mediaartscities.shared.content.ItemQuery;
import org.mediaartscities.shared.content.Kind;

/**
 * What a run's digest holds: every item first published in its window ({@code since}, {@code until}] that is still
 * worth reading at {@code until}: news; events not yet over (soonest first); calls still open (closing soonest
 * first). Each is one Query on the public {@code ByKind} index.
 */
final class Editions {

  /** Events are listed by their start; one published in the window may start up to this far ahead. */
  private static final Duration EVENT_HORIZON = Duration.ofDays(400);
  /** At most this many items of a kind in one digest: a digest is a summary, not the archive. */
  static final int PER_TOPIC = 30;

  private final ContentRepository content;
  private final String mediaBaseUrl;

  Editions(ContentRepository content, String mediaBaseUrl) {
    this.content = content;
    this.mediaBaseUrl = mediaBaseUrl == null ? null : mediaBaseUrl.replaceAll("/+$", "");
  }

  List<DigestItem> between(Instant since, Instant until) {
    Predicate<ContentItem> published = item -> item.publishedAt() != null && item.publishedAt().isAfter(since)
        && !item.publishedAt().isAfter(until);
    var items = new ArrayList<DigestItem>();
    items.addAll(query(Kind.NEWS, ContentKeys.skAfter(since), ContentKeys.skAtOrBefore(until), false, published,
        until));
    items.addAll(query(Kind.EVENT, ContentKeys.skAtOrAfter(until.minus(Duration.ofDays(92))),
        ContentKeys.skAtOrBefore(until.plus(EVENT_HORIZON)), true,
        published.and(item -> item.event().endsAt().isAfter(until)), until));
    items.addAll(query(Kind.CALL, ContentKeys.skAfter(until), null, true,
        published.and(item -> item.call().statusAt(until) == CallStatus.OPEN), until));
    return items;
  }

  private List<DigestItem> query(Kind kind, String fromSk, String toSk, boolean ascending,
      Predicate<ContentItem> filter, Instant until) {
    var found = new ArrayList<DigestItem>();
    Map<String, String> after = null;
    do {
      ItemPage page = content.list(new ItemQuery(kind, null, null, fromSk, toSk, ascending, filter,
          PER_TOPIC - found.size(), after), until);
      page.items().forEach(item -> found.add(item(item)));
      after = page.next();
    } while (after != null && found.size() < PER_TOPIC);
    return found;
  }

  private DigestItem item(ContentItem item) {
    var texts = new LinkedHashMap<String, DigestItem.Text>();
    item.translations().forEach((language, t) -> texts.put(language, new DigestItem.Text(t.title(), t.summary())));
    Image image = item.images() == null || item.images().isEmpty() ? null : item.images().getFirst();
    String imageUrl = image == null || mediaBaseUrl == null ? null : mediaBaseUrl + "/"
        + (image.renditions().isEmpty() ? image.key() : image.renditions().getFirst().key());
    Preferences.Topic topic = switch (item.kind()) {
      case NEWS -> Preferences.Topic.NEWS;
      case EVENT -> Preferences.Topic.EVENTS;
      case CALL -> Preferences.Topic.CALLS;
      default -> throw new IllegalArgumentException("No digest topic for " + item.kind());
    };
    return new DigestItem(topic, item.id(), item.slug(), item.city(), item.originalLanguage(), texts,
        item.event() == null ? null : item.event().startsAt(), item.event() == null ? null : item.event().endsAt(),
        item.call() == null ? null : item.call().closesAt(),
        item.event() != null ? item.event().timeZone() : item.call() != null ? item.call().timeZone() : null,
        item.publishedAt(), imageUrl, image == null || image.alt() == null ? Map.of() : image.alt());
  }
}
