package org.mediaartscities.shared.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mediaartscities.shared.mail.EmailAddress;

/**
 * The one policy for text that people type into the API: what is removed, and what a URL or an email address is.
 *
 * <p>Control characters go from every field; multi-line text keeps its line breaks (CR LF and CR become LF). Bidi
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) also go from names and one-line fields, where they can
 * disguise what a reader sees (a file name that looks like a PDF). Joiners and direction marks (ZWJ, ZWNJ, LRM,
 * RLM) stay everywhere: Persian, Indic scripts, emoji sequences and Hebrew need them.
 */
public final class FieldRules {

  private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}");
  private static final Pattern CONTROLS_BUT_LINE_FEED = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");
  private static final Pattern BIDI_OVERRIDES = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");
  private static final Pattern DIRECTORIES = Pattern.compile(".*[/\\\\]");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private FieldRules() {}

  /** A name or any one-line field: no control characters, no bidi overrides or isolates, trimmed. */
  public static String oneLine(String value) {
    if (value == null) {
      return null;
    }
    return BIDI_OVERRIDES.matcher(CONTROLS.matcher(value).replaceAll("")).replaceAll("").strip();
  }

  /** Text of several lines (an answer, a body): line breaks kept as LF, other control characters removed, trimmed. */
  public static String multiLine(String value) {
    if (value == null) {
      return null;
    }
    String unified = value.replace("\r\n", "\n").replace('\r', '\n');
    return CONTROLS_BUT_LINE_FEED.matcher(unified).replaceAll("").strip();
  }

  /** The base name of an uploaded file, cleaned as a one-line field: what a browser sent as its path is dropped. */
  public static String fileName(String value) {
    return value == null ? null : oneLine(DIRECTORIES.matcher(value).replaceAll(""));
  }

  /** Whether {@code value} is an absolute http or https URL with a host. */
  public static boolean isHttpUrl(String value) {
    if (value == null) {
      return false;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * Whether {@code value} is a slug: lower-case ASCII letters and digits in words joined by single hyphens, as
   * city slugs, item slugs and tags are. (Length limits are each field's own.)
   */
  public static boolean isSlug(String value) {
    return value != null && SLUG.matcher(value).matches();
  }

  /** Whether {@code value} is a plausible email address (only a delivered email proves one). */
  public static boolean isEmailAddress(String value) {
    return EmailAddress.isPlausible(value);
  }
}
