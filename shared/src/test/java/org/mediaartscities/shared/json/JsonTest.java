package org.mediaartscities.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void anAnswerForPagesHoldsNoCharacterThatEndsAScriptTagAndReadsBackTheSame() throws Exception {
    var value = Map.of("name", "</script><img src=x onerror=alert(1)> & \u2028 « nuit »");

    String written = Json.writeForPages(value);

    assertThat(written).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
    assertThat(Json.MAPPER.readValue(written, Map.class)).isEqualTo(value);
  }

  @Test
  void anAnswerWithoutSuchCharactersIsWrittenAsJacksonWritesIt() {
    var value = Map.of("title", "Nuit blanche · 光州 · תל אביב", "n", 3);

    assertThat(Json.writeForPages(value)).isEqualTo(Json.write(value));
  }

  @Test
  void keysAndNestedStringsAreEscapedToo() throws Exception {
    var value = Map.of("a<b", java.util.List.of("x>y", Map.of("&", "\u2029")));

    String written = Json.writeForPages(value);

    assertThat(written).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2029")
        .contains("a\\u003Cb");
    assertThat(Json.MAPPER.readValue(written, Map.class)).isEqualTo(value);
  }

  @Test
  void randomStringsReadBackTheSameAndHoldNoneOfTheFive() throws Exception {
    var random = new java.util.Random(20261202);
    String alphabet = "<>&\u2028\u2029\"\\/aé光\u05d0\n\t\u0000";
    for (int round = 0; round < 500; round++) {
      var text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (random.nextBoolean()) {
        text.appendCodePoint(0x1F3A8); // a surrogate pair
      }
      var value = Map.of("text", text.toString());

      String written = Json.writeForPages(value);

      assertThat(written).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028")
          .doesNotContain("\u2029");
      assertThat(Json.MAPPER.readValue(written, Map.class)).as("round %d", round).isEqualTo(value);
    }
  }

  record Sample(String name, java.time.Instant at, java.util.List<Integer> counts) {}

  @Test
  void aMapIsWrittenAsJacksonWritesItWhateverItsValuesAndHowManyClassesCameBefore() throws Exception {
    var nested = new java.util.LinkedHashMap<String, Object>();
    nested.put("alt", Map.of("fr", "Affiche <b>", "en", "Poster"));
    nested.put("none", null);
    var view = new java.util.LinkedHashMap<String, Object>();
    view.put("id", "n1");
    view.put("kind", org.mediaartscities.shared.content.Kind.NEWS);
    view.put("version", 3L);
    view.put("ratio", 0.5);
    view.put("open", true);
    view.put("at", java.time.Instant.parse("2026-12-02T10:15:30.120Z"));
    view.put("day", java.time.LocalDate.of(2026, 12, 2));
    view.put("tags", java.util.List.of("a", "b", "c"));
    view.put("one", java.util.List.of("x"));
    view.put("images", java.util.List.of(nested));
    view.put("sample", new Sample("s", java.time.Instant.EPOCH, java.util.List.of(1, 2)));
    view.put("missing", null);
    view.put("empty", Map.of());
    // More than eight value classes in answers before this one: Jackson's shared map writer is full by now.
    for (int round = 0; round < 3; round++) {
      assertThat(Json.write(view)).isEqualTo(Json.MAPPER.writeValueAsString(view));
    }
    var enumKeys = new java.util.EnumMap<org.mediaartscities.shared.content.Kind, Integer>(
        org.mediaartscities.shared.content.Kind.class);
    enumKeys.put(org.mediaartscities.shared.content.Kind.EVENT, 2);
    assertThat(Json.write(enumKeys)).isEqualTo(Json.MAPPER.writeValueAsString(enumKeys));
    assertThat(Json.write(Map.of())).isEqualTo("{}");
  }
}
