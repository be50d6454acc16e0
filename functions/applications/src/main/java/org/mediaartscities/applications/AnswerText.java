package org.mediaartscities.applications;

import java.util.List;
import java.util.Locale;
import org.mediaartscities.shared.content.ApplicationForm;

/**
 * An answer as a reader of a language reads it: a country's name rather than its code, a choice's label rather than
 * its stored value, a mark for a consent. The receipt, its email and the CSV export all show answers this way.
 */
public final class AnswerText {

  private AnswerText() {}

  /** {@code answer} to {@code field}, in {@code lang}; a value the form does not know is shown as stored. */
  public static String of(ApplicationForm.Field field, Object answer, String lang) {
    if (answer == null) {
      return "";
    }
    if (answer instanceof List<?> list) {
      return String.join(", ", list.stream().map(item -> of(field, item, lang)).toList());
    }
    if (answer instanceof Boolean yes) {
      return yes ? "✓" : "✗";
    }
    String value = String.valueOf(answer);
    return switch (field.type()) {
      case "country" -> {
        String country = Locale.of("", value).getDisplayCountry(locale(lang));
        yield country.isBlank() || country.equals(value) ? value : country;
      }
      case "single-choice", "multiple-choice" -> field.choices() == null ? value : field.choices().stream()
          .filter(c -> c.value().equals(value)).findFirst().map(c -> Texts.pick(c.label(), lang))
          .filter(label -> label != null && !label.isBlank()).orElse(value);
      default -> value;
    };
  }

  private static Locale locale(String lang) {
    return lang == null || lang.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(lang);
  }
}
