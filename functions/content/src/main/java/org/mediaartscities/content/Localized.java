package org.mediaartscities.content;

import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mediaartscities.shared.i18n.LanguagePreference;

/**
 * An item's text in the language chosen for it, each field falling back to English, then to the original.
 */
record Localized(ContentItem item, String lang) {

  static Localized of(ContentItem item, LanguagePreference preference) {
    return new Localized(item, preference.choose(item.translations().keySet(), item.originalLanguage()));
  }

  String field(Function<Translation, String> field) {
    for (String tag : fallbackOrder()) {
      Translation translation = item.translations().get(tag);
      String value = translation == null ? null : field.apply(translation);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** A per-language map (image alt text) read with the same fallbacks. */
  String from(Map<String, String> values) {
    for (String tag : fallbackOrder()) {
      String value = values.get(tag);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return values.values().stream().findFirst().orElse(null);
  }

  List<String> availableLanguages() {
    return item.translations().keySet().stream().sorted().toList();
  }

  private List<String> fallbackOrder() {
    var order = new ArrayList<String>(3);
    order.add(lang);
    order.add(LanguagePreference.DEFAULT);
    if (item.originalLanguage() != null) {
      order.add(item.originalLanguage());
    }
    return order;
  }
}
