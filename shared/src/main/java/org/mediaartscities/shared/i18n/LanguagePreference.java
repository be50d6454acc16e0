package org.mediaartscities.shared.i18n;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The languages a caller asked for, best first, and the choice of one per item.
 *
 * <p>Order of precedence: the {@code lang} parameter, else {@code Accept-Language} (with q-values), else English.
 * An item is served in the first asked-for language it has (matching {@code pt} with {@code pt-BR} either way),
 * else English, else its original language.
 *
 * @param ranked canonical tags, best first; empty when the caller expressed no preference
 */
public record LanguagePreference(List<String> ranked) {

  public static final String DEFAULT = "en";

  /**
   * What a request asks for: its {@code lang} parameter (a 400 naming {@code lang} when it is not a language tag),
   * then its {@code Accept-Language}, as every route of the API reads them.
   */
  public static LanguagePreference of(org.mediaartscities.shared.http.ApiRequest request) {
    Optional<String> lang = request.query("lang").map(raw -> LanguageTags.canonical(raw).orElseThrow(() ->
        org.mediaartscities.shared.http.ApiException.invalid("lang",
            "'lang' must be a language tag such as fr, en or pt-BR.")));
    return of(lang, request.header("accept-language").orElse(null));
  }

  /**
   * Builds the preference from the already-validated {@code lang} parameter, else the header.
   *
   * @param lang canonical tag from the query string, or empty
   * @param acceptLanguage the raw header, or null; malformed entries are skipped, as browsers send odd ones
   */
  public static LanguagePreference of(Optional<String> lang, String acceptLanguage) {
    if (lang.isPresent()) {
      return new LanguagePreference(List.of(lang.get()));
    }
    return new LanguagePreference(parseAcceptLanguage(acceptLanguage));
  }

  /** The tag an item with these translations is served in. */
  public String choose(Collection<String> available, String original) {
    for (String wanted : ranked) {
      for (String tag : available) {
        if (tag.equalsIgnoreCase(wanted)) {
          return tag;
        }
      }
      for (String tag : available) {
        if (LanguageTags.primary(tag).equals(LanguageTags.primary(wanted))) {
          return tag;
        }
      }
    }
    if (available.contains(DEFAULT)) {
      return DEFAULT;
    }
    return original != null && available.contains(original) ? original : available.stream().sorted().findFirst()
        .orElse(DEFAULT);
  }

  /** The language an error or an empty list speaks: the first asked for, else English. */
  public String primaryOrDefault() {
    return ranked.isEmpty() ? DEFAULT : ranked.getFirst();
  }

  private record Weighted(String tag, double q, int position) {}

  /** Headers longer than this are parsed each time: browsers send a few dozen characters. */
  static final int CACHED_HEADER_MAX_LENGTH = 128;
  static final int CACHED_HEADERS = 32;

  // A container sees the same few headers again and again, and parsing one (Locale per tag) was a tenth of a warm
  // content read. The key is the caller's input: bounded in count and length, least recently used out, so odd
  // headers can only push the common ones out, never grow memory.
  private static final Map<String, List<String>> PARSED = new LinkedHashMap<>(CACHED_HEADERS, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
      return size() > CACHED_HEADERS;
    }
  };

  static List<String> parseAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    if (header.length() > CACHED_HEADER_MAX_LENGTH) {
      return parse(header);
    }
    synchronized (PARSED) {
      List<String> cached = PARSED.get(header);
      if (cached != null) {
        return cached;
      }
    }
    List<String> parsed = parse(header);
    synchronized (PARSED) {
      PARSED.put(header, parsed);
    }
    return parsed;
  }

  /** Cached headers, for tests. */
  static int cachedHeaders() {
    synchronized (PARSED) {
      return PARSED.size();
    }
  }

  private static List<String> parse(String header) {
    var entries = new ArrayList<Weighted>();
    String[] parts = header.split(",");
    for (int i = 0; i < parts.length; i++) {
      String[] pieces = parts[i].strip().split(";");
      if (pieces.length == 0) {
        continue;
      }
      double q = 1.0;
      for (int p = 1; p < pieces.length; p++) {
        String param = pieces[p].strip();
        if (param.startsWith("q=")) {
          try {
            q = Double.parseDouble(param.substring(2));
          } catch (NumberFormatException e) {
            q = -1;
          }
        }
      }
      String tag = pieces[0].strip();
      if (q > 0 && q <= 1) {
        var canonical = LanguageTags.canonical(tag);
        if (canonical.isPresent()) {
          entries.add(new Weighted(canonical.get(), q, i));
        }
      }
    }
    entries.sort(Comparator.comparingDouble(Weighted::q).reversed().thenComparingInt(Weighted::position));
    return entries.stream().map(Weighted::tag).distinct().toList();
  }
}
