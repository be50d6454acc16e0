package org.mediaartscities.shared.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The one configured {@link ObjectMapper}: building a mapper is costly at cold start, so there is only one. */
public final class Json {

  /** Shared mapper: nulls written (a client sees every field), unknown properties rejected, ISO-8601 instants. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(IsoInstants.module())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Writes {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \\u} escapes: see {@link #writeForPages}. */
  private static final ObjectWriter PAGE_SAFE = MAPPER.writer().with(new PageSafeEscapes());

  // A reader per type, built on first use: it keeps the type's root deserializer, which readValue(json, type)
  // looks up again on every call. Keyed by class, never by input, so it holds as many readers as the code has types.
  private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return MAPPER.readerFor(type);
    }
  };

  private Json() {}

  /**
   * Serialises an API answer so that any part of it can be placed in an HTML page as it is: a JSON-LD object in a
   * {@code <script type="application/ld+json">} tag, whose title holds {@code </script><img …>}, stays inside its
   * tag. Every JSON parser reads the same values back.
   */
  public static String writeForPages(Object value) {
    try {
      return PAGE_SAFE.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class PageSafeEscapes extends CharacterEscapes {

    private final int[] ascii = standardAsciiEscapesForJSON();

    PageSafeEscapes() {
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      // Line and paragraph separators end a line in older JavaScript engines.
      return ch == 0x2028 ? new SerializedString("\\u2028") : ch == 0x2029 ? new SerializedString("\\u2029") : null;
    }
  }

  /** Serialises a value that is known to be serialisable (records, maps, lists, strings). */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads JSON written by this application (stored documents, seed files). */
  public static <T> T read(String json, Class<T> type) {
    try {
      return READERS.get(type).readValue(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
