package org.mediaartscities.shared.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The one configured {@link ObjectMapper}: building a mapper is costly at cold start, so there is only one. */
public final class Json {

  /**
   * Shared mapper: nulls written (a client sees every field), unknown properties rejected, ISO-8601 instants, and
   * every value read as the type it is. Jackson's default coercions would turn a juror's score of 7.9 into 7, {@code ""}
   * or {@code "  "} into no score, {@code "true"} or {@code 1} into {@code true}, {@code 5} into the text {@code "5"},
   * silently; here each is a wrong type, which a request answers with a 400 naming the field ({@code JsonBody}). What
   * this application writes never needs a coercion to be read back.
   */
  public static final ObjectMapper MAPPER = withoutFastPaths().addModule(IsoInstants.module()).build();

  // A reader per type, built on first use: it keeps the type's root deserializer, which readValue(json, type)
  // looks up again on every call. Keyed by class, never by input, so it holds as many readers as the code has types.
  private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return MAPPER.readerFor(type);
    }
  };

  // The same for stored documents, which may carry fields a newer version wrote: an older reader skips them (safe
  // rollback). Built on first use too, so that a function's init builds no deserializer for a type its first request
  // (or any request) never reads.
  private static final ClassValue<ObjectReader> STORED_READERS = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
  };

  // Writes a map answer's values one by one (writeEntries); the generator is flushed once, at the end.
  private static final ObjectWriter ENTRY_VALUES = MAPPER.writer()
      .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Json() {}

  /** The mapper's settings, without this package's faster readers: what those must read exactly as (tests). */
  static JsonMapper.Builder withoutFastPaths() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .withCoercionConfigDefaults(coercions -> coercions.setAcceptBlankAsEmpty(false))
        // Not covered by the scalar switch: a number or true/false where text is asked for.
        .withCoercionConfig(LogicalType.Textual, coercions -> coercions
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  /**
   * Serialises an API answer so that any part of it can be placed in an HTML page as it is: a JSON-LD object in a
   * {@code <script type="application/ld+json">} tag, whose title holds {@code </script><img …>}, stays inside its
   * tag. Every JSON parser reads the same values back.
   *
   * <p>{@code <}, {@code >}, {@code &}, U+2028 and U+2029 can only stand inside a JSON string, never in its
   * structure, so escaping them in the written text is the same as escaping them in every string; done after the
   * writing, it leaves Jackson on its fast path (a custom {@code CharacterEscapes} sends every string through its
   * slower one, measured on the warm path: docs/PERFORMANCE.md).
   */
  public static String writeForPages(Object value) {
    return escapeForPages(write(value));
  }

  static String escapeForPages(String json) {
    int length = json.length();
    int first = 0;
    while (first < length && !endsAScript(json.charAt(first))) {
      first++;
    }
    if (first == length) {
      return json;
    }
    var escaped = new StringBuilder(length + 16).append(json, 0, first);
    for (int i = first; i < length; i++) {
      char c = json.charAt(i);
      if (endsAScript(c)) {
        escaped.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
            .append(HEX[c & 0xF]);
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  // Line and paragraph separators end a line in older JavaScript engines.
  private static boolean endsAScript(char c) {
    return c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029';
  }

  /** Serialises a value that is known to be serialisable (records, maps, lists, strings). */
  public static String write(Object value) {
    try {
      if (value instanceof Map<?, ?> map && hasOnlyTextKeys(map)) {
        return writeEntries(map);
      }
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Jackson's map writer remembers the writers of at most eight value classes, and one map writer serves every map a
  // function answers with at the top: past eight classes over all its answers, each answer looked its values'
  // writers up and rebuilt them again (seen on the admin function's warm path, docs/PERFORMANCE.md). Writing the
  // entries of an answer one by one hands each value to Jackson's cache of writers by class, which has no such bound.
  // The text is the same as Jackson's own (JsonTest compares them).
  private static String writeEntries(Map<?, ?> map) throws IOException {
    var text = new StringWriter();
    try (JsonGenerator generator = MAPPER.createGenerator(text)) {
      generator.writeStartObject();
      for (var entry : map.entrySet()) {
        generator.writeFieldName((String) entry.getKey());
        ENTRY_VALUES.writeValue(generator, entry.getValue());
      }
      generator.writeEndObject();
    }
    return text.toString();
  }

  private static boolean hasOnlyTextKeys(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a document this application stored, skipping fields it does not know.
   *
   * @throws IOException if the document is not JSON of that type
   */
  public static <T> T readStored(String json, Class<T> type) throws IOException {
    return STORED_READERS.get(type).readValue(json);
  }

  /** Reads JSON written by this application (seed files, messages), rejecting fields it does not know. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return READERS.get(type).readValue(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
