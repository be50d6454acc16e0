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
    String chosen = new LanguagePreference(java.util.List.of(language)).choose(call.translations().keySet(),
        call.originalLanguage());
    String title = call.translations().get(chosen).title();
    return title == null ? call.slug() : title;
  }
}
