package org.mediaartscities.applications;

import java.util.Map;
import org.mediaartscities.shared.i18n.LanguagePreference;

/** Picks a text among its translations with the public API's fallbacks: asked language, English, any. */
public final class Texts {

  private Texts() {}

  public static String pick(Map<String, String> texts, String lang) {
    if (texts.isEmpty()) {
      return null;
    }
    String chosen = new LanguagePreference(java.util.List.of(lang)).choose(texts.keySet(), null);
    String text = texts.get(chosen);
    return text != null ? text : texts.values().iterator().next();
  }

  /** A call's title in the language it is best read in by a reader of {@code language}. */
  public static String title(org.mediaartscities.shared.content.ContentItem call, String language) {
    return title(call, new LanguagePreference(java.util.List.of(language)));
  }

  /** A call's title by the public API's fallbacks for {@code languages} (its slug if it has none). */
  public static String title(org.mediaartscities.shared.content.ContentItem call, LanguagePreference languages) {
    var translation = call.translations().get(languages.choose(call.translations().keySet(),
        call.originalLanguage()));
    return translation == null || translation.title() == null ? call.slug() : translation.title();
  }

  /** One text among its translations, by the public API's fallbacks for {@code languages}; null for none. */
  public static String pick(Map<String, String> texts, LanguagePreference languages, String original) {
    return texts == null || texts.isEmpty() ? null : texts.get(languages.choose(texts.keySet(), original));
  }
}
