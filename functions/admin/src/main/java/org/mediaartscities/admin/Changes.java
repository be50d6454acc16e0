package org.mediaartscities.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.mediaartscities.shared.content.ContentItem;

/** What an edit changed, by field, for the item's history. */
final class Changes {

  private Changes() {}

  static List<String> between(ContentItem before, ContentItem after) {
    var changed = new ArrayList<String>();
    compare(changed, "slug", before.slug(), after.slug());
    compare(changed, "city", before.city(), after.city());
    compare(changed, "originalLanguage", before.originalLanguage(), after.originalLanguage());
    var languages = new TreeSet<>(before.translations().keySet());
    languages.addAll(after.translations().keySet());
    for (String lang : languages) {
      compare(changed, "translations." + lang, before.translations().get(lang), after.translations().get(lang));
    }
    compare(changed, "tags", before.tags(), after.tags());
    compare(changed, "images", before.images(), after.images());
    compare(changed, "event", before.event(), after.event());
    compare(changed, "call", before.call(), after.call());
    compare(changed, "project", before.project(), after.project());
    return changed;
  }

  private static void compare(List<String> changed, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(field);
    }
  }
}
