package org.mediaartscities.shared.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts kept in UTF-8 {@code .properties} bundles, one file per language, with {@code {name}} placeholders.
 *
 * <p>Named placeholders rather than {@link java.text.MessageFormat}: translators see what each one is, and an
 * apostrophe in French or Italian does not silently swallow the text after it. A language without a file reads the
 * base file (English), never the JVM's default locale.
 */
public final class Messages {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
  private static final ResourceBundle.Control BASE_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
      ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String baseName;
  private final ClassLoader loader;

  /**
   * @param baseName the bundle, e.g. {@code org.mediaartscities.applications.emails}
   * @param anchor a class of the module holding the bundle
   */
  public Messages(String baseName, Class<?> anchor) {
    this.baseName = baseName;
    this.loader = anchor.getClassLoader();
  }

  /**
   * The text for a key in a language, placeholders filled in (unknown ones are left as they are), with the language's
   * typography ({@link Typography}).
   */
  public String text(String key, String language, Map<String, ?> values) {
    String template = bundle(language).getString(key);
    Matcher matcher = PLACEHOLDER.matcher(template);
    var out = new StringBuilder();
    while (matcher.find()) {
      Object value = values.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value.toString()));
    }
    return Typography.apply(language, matcher.appendTail(out).toString());
  }

  public String text(String key, String language) {
    return text(key, language, Map.of());
  }

  /** Whether a language has its own file (rather than reading the English one). */
  public boolean speaks(String language) {
    return bundle(language).getLocale().getLanguage().equals(locale(language).getLanguage());
  }

  private ResourceBundle bundle(String language) {
    try {
      return ResourceBundle.getBundle(baseName, locale(language), loader, BASE_FALLBACK);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("No message bundle " + baseName, e);
    }
  }

  private static Locale locale(String language) {
    return language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language);
  }
}
