package org.mediaartscities.admin;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs from titles: {@code Košice : la nuit} → {@code kosice-la-nuit}. */
final class Slugs {

  static final int MAX_LENGTH = 80;
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

  private Slugs() {}

  /** The slug of a title, or {@code fallback} when nothing Latin remains (a title in Korean, say). */
  static String of(String title, String fallback) {
    String ascii = Normalizer.normalize(title.toLowerCase(Locale.ROOT)
            .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("đ", "d")
            .replace("ł", "l").replace("þ", "th").replace("ı", "i"), Normalizer.Form.NFKD);
    String slug = NOT_ALNUM.matcher(MARKS.matcher(ascii).replaceAll("")).replaceAll("-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
    }
    return slug.isEmpty() ? fallback : slug;
  }

  /** The n-th candidate when a slug is taken: {@code slug}, {@code slug-2}, {@code slug-3}... */
  static String candidate(String slug, int attempt) {
    return attempt == 1 ? slug : slug + "-" + attempt;
  }
}
