package org.mediaartscities.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBodyTest {

  @Test
  void aBodyNestedDeeperThanTheParserAllowsIsRefusedNamingTheBody() {
    String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);

    assertThatThrownBy(() -> JsonBody.parse(deep, Map.class)).isInstanceOf(ApiException.class)
        .hasMessageContaining("nested too deeply").extracting("field").isEqualTo("body");
  }

  @Test
  void malformedJsonIsRefusedWithWhereTheParserStopped() {
    assertThatThrownBy(() -> JsonBody.parse("{\"name\": ", Map.class)).isInstanceOf(ApiException.class)
        .hasMessageContaining("line 1").extracting("field").isEqualTo("body");
  }

  record Form(Integer maxFiles, Long maxFileBytes, Boolean required, Map<String, Integer> scores, String title) {}

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a fraction for a whole number         | {"maxFiles": 2.5}                | maxFiles          | a whole number
      a whole number written as a fraction  | {"maxFiles": 2.0}                | maxFiles          | a whole number
      an exponent for a whole number        | {"maxFileBytes": 1e6}            | maxFileBytes      | a whole number
      a number as text                      | {"maxFiles": "2"}                | maxFiles          | a whole number
      empty text for a number               | {"maxFiles": ""}                 | maxFiles          | a whole number
      blank text for a number               | {"maxFiles": "  "}               | maxFiles          | a whole number
      true for a number                     | {"maxFiles": true}               | maxFiles          | a whole number
      a fraction in a map of numbers        | {"scores": {"quality": 7.9}}     | scores.quality    | a whole number
      text for true or false                | {"required": "true"}             | required          | true or false
      a number for true or false            | {"required": 1}                  | required          | true or false
      empty text for true or false          | {"required": ""}                 | required          | true or false
      a list for text                       | {"title": ["a"]}                 | title             | text
      a number for text                     | {"title": 5}                     | title             | text
      true for text                         | {"title": true}                  | title             | text
      a fraction for text                   | {"title": 1.5}                   | title             | text
      text for a map                        | {"scores": "all"}                | scores            | an object
      """)
  void aValueOfAnotherTypeIsRefusedNamingTheFieldAndTheTypeItMustHave(String what, String body, String field,
      String expected) {
    assertThatThrownBy(() -> JsonBody.parse(body, Form.class)).isInstanceOf(ApiException.class)
        .hasMessage("'" + field + "' must be " + expected + ".").extracting("field").isEqualTo(field);
  }

  @Test
  void valuesOfTheirOwnTypeAndNullsAreReadAsSent() {
    Form form = JsonBody.parse("""
        {"maxFiles": 3, "maxFileBytes": 10000000, "required": false, "scores": {"quality": 7, "charm": null},
         "title": "  "}""", Form.class);

    assertThat(form.maxFiles()).isEqualTo(3);
    assertThat(form.maxFileBytes()).isEqualTo(10_000_000L);
    assertThat(form.required()).isFalse();
    assertThat(form.scores()).containsEntry("quality", 7).containsEntry("charm", null);
    assertThat(form.title()).isEqualTo("  ");
    assertThat(JsonBody.parse("{\"maxFiles\": null}", Form.class).maxFiles()).isNull();
  }
}
