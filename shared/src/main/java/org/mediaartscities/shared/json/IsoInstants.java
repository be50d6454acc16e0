package org.mediaartscities.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads instants written as {@link Instant#toString} ({@code 2026-12-02T07:01:10.123Z}), the form every stored
 * document holds, without the {@code DateTimeFormatter} parse that Jackson's own deserializer runs for each one
 * (a tenth of a warm admin or content read). Any other text, or a value out of range, goes to Jackson's
 * deserializer, which gives the same instant or the same error as before.
 */
final class IsoInstants {

  private IsoInstants() {}

  /** Wraps the Java time module's {@code Instant} deserializer: register after that module. */
  static SimpleModule module() {
    return new SimpleModule("IsoInstants").setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
          JsonDeserializer<?> deserializer) {
        return description.getBeanClass() == Instant.class ? new FastPath(deserializer) : deserializer;
      }
    });
  }

  /** {@code uuuu-MM-ddTHH:mm:ss[.f…]Z} with a four-digit year and 1–9 fraction digits, or null for anything else. */
  static Instant parse(String text) {
    int length = text.length();
    if (length < 20 || length == 21 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-'
        || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || fraction < 0 || day > Month.of(month).length(Year.isLeap(year))) {
      return null; // 24:00, leap seconds, impossible dates: Jackson's deserializer decides, as before
    }
    int nanos = fraction;
    for (int i = length - 1 - 20; length > 20 && i < 9; i++) {
      nanos *= 10;
    }
    long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The number written with ASCII digits only in {@code [from, to)}, or -1. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static final class FastPath extends DelegatingDeserializer {

    FastPath(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new FastPath(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.hasToken(JsonToken.VALUE_STRING)) {
        Instant instant = parse(parser.getText());
        if (instant != null) {
          return instant;
        }
      }
      return super.deserialize(parser, context);
    }
  }
}
