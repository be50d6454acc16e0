package org.mediaartscities.applications;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ApplicationForm.Field;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.text.FieldRules;

/**
 * What answers a call's form accepts. Saving checks each answer's type and value (a draft may be incomplete);
 * submitting also checks that every required answer is there and long texts have the words asked for. Each
 * failure is a 400 naming {@code answers.<field id>}. Long texts keep their line breaks; every other answer is one
 * line ({@link FieldRules}).
 */
public final class AnswerRules {

  static final int MAX_SHORT_TEXT = 300;
  static final int MAX_LONG_TEXT = 20_000;
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private AnswerRules() {}

  /** The answers merged into {@code current}: a null answer removes one. */
  public static Map<String, Object> merge(ApplicationForm form, Map<String, Object> current,
      Map<String, Object> changes) {
    var fields = new LinkedHashMap<String, Field>();
    form.fields().forEach(field -> fields.put(field.id(), field));
    var merged = new LinkedHashMap<>(current);
    for (var change : changes.entrySet()) {
      String name = "answers." + change.getKey();
      Field field = fields.get(change.getKey());
      if (field == null) {
        throw ApiException.invalid(name, "This call's form has no question '" + change.getKey() + "'.");
      }
      if (change.getValue() == null) {
        merged.remove(change.getKey());
      } else {
        merged.put(change.getKey(), value(name, field, change.getValue()));
      }
    }
    return merged;
  }

  /** Refuses a submission with a required answer missing or a long text out of its word range. */
  public static void checkComplete(ApplicationForm form, Map<String, Object> answers) {
    for (Field field : form.fields()) {
      if (field.type().equals("file")) {
        continue; // files are not answers: FileUploads.checkComplete checks a required file question
      }
      String name = "answers." + field.id();
      Object answer = answers.get(field.id());
      boolean missing = answer == null || (answer instanceof String s && s.isBlank())
          || (answer instanceof Collection<?> c && c.isEmpty()) || Boolean.FALSE.equals(answer);
      if (field.required() && missing) {
        throw ApiException.invalid(name, field.type().equals("consent") ? "This consent is needed to apply."
            : "This answer is required.");
      }
      if (answer instanceof String text && field.type().equals("long-text")) {
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        if (field.minWords() != null && words < field.minWords()) {
          throw ApiException.invalid(name, "At least " + field.minWords() + " words, please (" + words + " now).");
        }
        if (field.maxWords() != null && words > field.maxWords()) {
          throw ApiException.invalid(name, "At most " + field.maxWords() + " words, please (" + words + " now).");
        }
      }
    }
  }

  private static Object value(String name, Field field, Object value) {
    return switch (field.type()) {
      case "short-text" -> text(name, value, MAX_SHORT_TEXT);
      case "long-text" -> text(name, value, MAX_LONG_TEXT, FieldRules::multiLine);
      case "email" -> {
        String email = text(name, value, 254);
        if (!FieldRules.isEmailAddress(email)) {
          throw ApiException.invalid(name, "This is not an email address.");
        }
        yield email;
      }
      case "url" -> url(name, text(name, value, 2000));
      case "single-choice" -> choice(name, field, text(name, value, 200));
      case "multiple-choice" -> {
        if (!(value instanceof List<?> list)) {
          throw ApiException.invalid(name, "A list of choices is expected.");
        }
        var chosen = new LinkedHashSet<String>();
        for (Object item : list) {
          chosen.add(choice(name, field, text(name, item, 200)));
        }
        yield new ArrayList<>(chosen);
      }
      case "date" -> {
        String date = text(name, value, 10);
        try {
          yield LocalDate.parse(date).toString();
        } catch (DateTimeParseException e) {
          throw ApiException.invalid(name, "A date such as 1990-05-31 is expected.");
        }
      }
      case "country" -> {
        // Checked as a code before its length: "France" deserves "give a code", not "at most 2 characters".
        String country = text(name, value, 100).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
          throw ApiException.invalid(name, "Give a country code such as FR or KR (ISO 3166).");
        }
        yield country;
      }
      case "consent" -> {
        if (!(value instanceof Boolean consent)) {
          throw ApiException.invalid(name, "true or false is expected.");
        }
        yield consent;
      }
      case "file" -> throw ApiException.invalid(name, "Files are not accepted yet; give a link in a URL answer.");
      default -> throw new IllegalStateException("Unknown field type " + field.type());
    };
  }

  /**
   * A file type as people name it, with its article: "a PDF document", "a JPEG image"; an unknown type is named as
   * it is given ("a file of type …").
   */
  public static String fileTypeName(String contentType) {
    return switch (contentType == null ? "" : contentType) {
      case "application/pdf" -> "a PDF document";
      case "image/jpeg" -> "a JPEG image";
      case "image/png" -> "a PNG image";
      case "image/webp" -> "a WebP image";
      case "image/gif" -> "a GIF image";
      default -> "a file of type " + contentType;
    };
  }

  private static String text(String name, Object value, int max) {
    return text(name, value, max, FieldRules::oneLine);
  }

  private static String text(String name, Object value, int max, UnaryOperator<String> cleaning) {
    if (!(value instanceof String text)) {
      throw ApiException.invalid(name, "Text is expected.");
    }
    String clean = cleaning.apply(text);
    if (clean.length() > max) {
      throw ApiException.invalid(name, "At most " + max + " characters (" + clean.length() + " now).");
    }
    return clean;
  }

  private static String url(String name, String value) {
    if (!FieldRules.isHttpUrl(value)) {
      throw ApiException.invalid(name, "An http(s) address is expected.");
    }
    return value;
  }

  private static String choice(String name, Field field, String value) {
    if (field.choices().stream().noneMatch(c -> c.value().equals(value))) {
      throw ApiException.invalid(name, "'" + value + "' is not one of the choices.");
    }
    return value;
  }
}
