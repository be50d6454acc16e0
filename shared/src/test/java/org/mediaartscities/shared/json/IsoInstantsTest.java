package org.mediaartscities.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  // Json.MAPPER as it was before the fast path: what every answer must still equal.
  private static final ObjectMapper JACKSON_ONLY = Json.withoutFastPaths().build();

  record Stamped(Instant at, List<Instant> history) {}

  static Stream<Instant> instants() {
    var random = new Random(14);
    Stream<Instant> edges = Stream.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
        Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T12:00:00Z"),
        Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2026-12-02T07:01:10.120Z"),
        Instant.parse("2026-12-02T07:01:10.000123Z"), Instant.parse("2026-12-02T07:01:10.000000001Z"));
    Stream<Instant> randomOnes = Stream.generate(() -> Instant.ofEpochSecond(
            random.nextLong(-62_167_219_200L, 253_402_300_799L),
            random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000)))
        .limit(2_000);
    return Stream.concat(edges, randomOnes);
  }

  @ParameterizedTest
  @MethodSource("instants")
  void readsEveryInstantAsWrittenToTheSameInstantAsJackson(Instant instant) throws Exception {
    String json = "\"" + instant + "\"";

    assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
    assertThat(Json.MAPPER.readValue(json, Instant.class)).isEqualTo(JACKSON_ONLY.readValue(json, Instant.class))
        .isEqualTo(instant);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-02T07:01:10.1Z", "2026-12-02T07:01:10.12Z", "2026-12-02T07:01:10.1234Z",
      "2026-12-02T24:00:00Z", "2026-12-31T23:59:60Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
      "2026-13-01T00:00:00Z", "2026-12-02T07:01:10.Z", "2026-12-02T07:01:10+01:00", "2026-12-02T07:01Z",
      " 2026-12-02T07:01:10Z", "2026-12-02t07:01:10z", "+12026-12-02T07:01:10Z", "-2026-12-02T07:01:10Z",
      "2026-12-02T07:01:10.1234567890Z", "２０２６-12-02T07:01:10Z", "1700000000", "1700000000.5", ""})
  void readsOtherTextExactlyAsJacksonDoes(String text) {
    String json = "\"" + text + "\"";

    Object ours = result(() -> Json.MAPPER.readValue(json, Instant.class));
    Object theirs = result(() -> JACKSON_ONLY.readValue(json, Instant.class));

    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void readsInstantsInsideRecordsListsAndNulls() throws Exception {
    String json = "{\"at\":\"2026-12-02T07:01:10.5Z\",\"history\":[\"2026-01-01T00:00:00Z\",null,1700000000]}";

    Stamped ours = Json.read(json, Stamped.class);

    assertThat(ours).isEqualTo(JACKSON_ONLY.readValue(json, Stamped.class));
    assertThat(ours.at()).isEqualTo(Instant.parse("2026-12-02T07:01:10.500Z"));
  }

  @Test
  void numbersAndOtherTokensStillGoToJackson() throws Exception {
    assertThat(Json.MAPPER.readValue("1700000000.25", Instant.class))
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
    assertThat(Json.MAPPER.readValue("null", Instant.class)).isNull();
  }

  private interface Read {
    Object run() throws Exception;
  }

  /** The value read, or the error's type: what a caller sees. */
  private static Object result(Read read) {
    Throwable error = catchThrowable(() -> read.run());
    if (error != null) {
      return error.getClass();
    }
    try {
      return read.run();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
