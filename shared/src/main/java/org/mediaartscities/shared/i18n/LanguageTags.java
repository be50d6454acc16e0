package org.mediaartscities.shared.i18n;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** BCP 47 language tags as this API accepts them: {@code fr}, {@code en}, {@code pt-BR}, {@code zh-Hant-TW}. */
public final class LanguageTags {

  // language (2-3 letters), then optional script, region and variants; private-use and extensions are not needed.
  private static final Pattern SYNTAX =
      Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*");

  private LanguageTags() {}

  /** The tag in canonical case ({@code pt-br} → {@code pt-BR}), or empty when its syntax is not BCP 47. */
  public static Optional<String> canonical(String tag) {
    if (tag == null || !SYNTAX.matcher(tag).matches()) {
      return Optional.empty();
    }
    return Optional.of(Locale.forLanguageTag(tag).toLanguageTag());
  }

  /** The primary language subtag: {@code pt} for {@code pt-BR}. */
  public static String primary(String tag) {
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }
}
