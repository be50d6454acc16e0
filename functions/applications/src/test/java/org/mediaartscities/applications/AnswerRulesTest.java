package org.mediaartscities.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mediaartscities.applications.SubmissionWindowTest.refusal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.json.Json;

/** The answers a form accepts when saved, and what a submission needs besides. */
class AnswerRulesTest {

  // Read from JSON, as forms are stored: the test does not depend on the records' constructors.
  static final ApplicationForm FORM = Json.read("""
      {"fields": [
        {"id": "title", "type": "short-text", "required": true},
        {"id": "statement", "type": "long-text", "required": true, "label": {"en": "Statement"},
         "minWords": 3, "maxWords": 5},
        {"id": "contact", "type": "email"},
        {"id": "website", "type": "url"},
        {"id": "discipline", "type": "single-choice", "choices": [{"value": "sound"}, {"value": "light"}]},
        {"id": "media", "type": "multiple-choice", "choices": [{"value": "sound"}, {"value": "light"}]},
        {"id": "born", "type": "date"},
        {"id": "country", "type": "country"},
        {"id": "consent", "type": "consent", "required": true},
        {"id": "portfolio", "type": "file"}
      ], "onePerEmail": true, "maxTeamMembers": 0}""", ApplicationForm.class);

  private static Object saved(String field, Object answer) {
    var changes = new HashMap<String, Object>();
    changes.put(field, answer);
    return AnswerRules.merge(FORM, Map.of(), changes).get(field);
  }

  @Test
  void oneLineAnswersLoseControlCharactersAndBidiOverridesButKeepJoiners() {
    assertThat(saved("title", "  Lumen\tII\u202E\n ")).isEqualTo("LumenII");
    assertThat(saved("title", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")).isEqualTo(
        "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
  }

  @Test
  void longTextsKeepTheirLineBreaksAsLineFeeds() {
    assertThat(saved("statement", "One\r\ntwo\rthree\u0007\tfour\n")).isEqualTo("One\ntwo\nthreefour");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "contact | ana@example.org | ana@example.org",
      "website | https://lumen.example.org/a?b=c | https://lumen.example.org/a?b=c",
      "website | HTTP://lumen.example.org | HTTP://lumen.example.org",
      "discipline | light | light",
      "born | 1990-05-31 | 1990-05-31",
      "country | jp | JP",
  })
  void aGoodAnswerIsStoredCleaned(String field, String answer, String stored) {
    assertThat(saved(field, answer)).isEqualTo(stored);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "contact | not-an-email",
      "website | javascript:alert(1)",
      "website | ftp://lumen.example.org",
      "website | https:///no-host",
      "discipline | painting",
      "born | 31/05/1990",
      "country | XX",
      "consent | yes",
      "portfolio | a.pdf",
      "unknown | anything",
  })
  void aBadAnswerIsRefusedNamingItsField(String field, String answer) {
    assertThat(refusal(() -> saved(field, answer)).field()).isEqualTo("answers." + field);
  }

  @Test
  void aShortTextHasAtMostItsLength() {
    assertThatCode(() -> saved("title", "x".repeat(AnswerRules.MAX_SHORT_TEXT))).doesNotThrowAnyException();
    assertThat(refusal(() -> saved("title", "x".repeat(AnswerRules.MAX_SHORT_TEXT + 1))).field())
        .isEqualTo("answers.title");
  }

  @Test
  void multipleChoicesAreAListWithoutRepeats() {
    assertThat(saved("media", List.of("sound", "light", "sound"))).isEqualTo(List.of("sound", "light"));
    assertThat(refusal(() -> saved("media", "sound")).field()).isEqualTo("answers.media");
  }

  @Test
  void aNullAnswerRemovesTheSavedOne() {
    var changes = new HashMap<String, Object>();
    changes.put("title", null);

    assertThat(AnswerRules.merge(FORM, Map.of("title", "Before", "born", "1990-01-01"), changes))
        .containsOnlyKeys("born");
  }

  @Test
  void aSubmissionNeedsEveryRequiredAnswerAndTheConsent() {
    var complete = Map.<String, Object>of("title", "Lumen", "statement", "three good words", "consent", true);
    assertThatCode(() -> AnswerRules.checkComplete(FORM, complete)).doesNotThrowAnyException();

    var noConsent = new HashMap<>(complete);
    noConsent.put("consent", false);
    assertThat(refusal(() -> AnswerRules.checkComplete(FORM, noConsent)).field()).isEqualTo("answers.consent");
    var blank = new HashMap<>(complete);
    blank.put("title", " ");
    assertThat(refusal(() -> AnswerRules.checkComplete(FORM, blank)).field()).isEqualTo("answers.title");
  }

  @Test
  void aRequiredFileQuestionIsNotAnAnswerToGive() {
    // Files are announced and checked apart (FileUploads.checkComplete); no answer is ever stored for them.
    var form = org.mediaartscities.shared.json.Json.read("""
        {"fields": [{"id": "portfolio", "type": "file", "required": true, "label": {"en": "Portfolio"},
                     "fileTypes": ["application/pdf"], "maxFileBytes": 1000, "maxFiles": 1}],
         "criteria": []}""", org.mediaartscities.shared.content.ApplicationForm.class);

    assertThatCode(() -> AnswerRules.checkComplete(form, Map.of())).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0} words")
  @CsvSource({"2, false", "3, true", "5, true", "6, false"})
  void aLongTextHasTheWordsAskedFor(int words, boolean accepted) {
    var answers = Map.<String, Object>of("title", "Lumen", "statement", "word ".repeat(words).strip(),
        "consent", true);

    if (accepted) {
      assertThatCode(() -> AnswerRules.checkComplete(FORM, answers)).doesNotThrowAnyException();
    } else {
      assertThat(refusal(() -> AnswerRules.checkComplete(FORM, answers)).field()).isEqualTo("answers.statement");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"France", "FRA", "Japan", "XX"})
  void aCountryIsAskedForAsACodeWhateverWasGiven(String answer) {
    var refused = refusal(() -> saved("country", answer));

    assertThat(refused.field()).isEqualTo("answers.country");
    assertThat(refused.getMessage()).startsWith("Give a country code such as FR");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "application/pdf | a PDF document",
      "image/jpeg | a JPEG image",
      "image/png | a PNG image",
      "text/csv | a file of type text/csv",
  })
  void fileTypesAreNamedAsPeopleNameThem(String type, String name) {
    assertThat(AnswerRules.fileTypeName(type)).isEqualTo(name);
  }
}
