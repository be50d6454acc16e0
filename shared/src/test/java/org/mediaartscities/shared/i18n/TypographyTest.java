package org.mediaartscities.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypographyTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Pour confirmer : ouvrez ce lien|Pour confirmer\u00A0: ouvrez ce lien",
      "Pour confirmer: ouvrez ce lien|Pour confirmer\u00A0: ouvrez ce lien",
      "Merci !|Merci\u202F!",
      "Vraiment ?|Vraiment\u202F?",
      "un ; deux|un\u202F; deux",
      "Déjà bien\u00A0: rien à faire|Déjà bien\u00A0: rien à faire"})
  void frenchPutsANoBreakSpaceBeforeHighSigns(String typed, String expected) {
    assertThat(Typography.apply("fr", typed)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://mediaartscities.com/newsletter/confirm#token=a",
      "Le 4 décembre à 18:30",
      "/calls/x/apply?application=1",
      "?"})
  void frenchLeavesUrlsTimesAndLoneSignsAlone(String text) {
    assertThat(Typography.apply("fr", text)).isEqualTo(text);
  }

  @Test
  void otherLanguagesAreUnchanged() {
    assertThat(Typography.apply("en", "To confirm: open this link!")).isEqualTo("To confirm: open this link!");
    assertThat(Typography.apply(null, "a : b")).isEqualTo("a : b");
  }

  @Test
  void frenchWritesTheFirstOfTheMonthAsAnOrdinal() {
    Instant first = Instant.parse("2026-12-01T17:00:00Z");
    assertThat(LocalDates.date(first, "Europe/Paris", "fr")).isEqualTo("1er décembre 2026");
    assertThat(LocalDates.dateTime(first, "Europe/Paris", "fr")).startsWith("1er décembre 2026");
    assertThat(LocalDates.date(Instant.parse("2026-12-11T17:00:00Z"), "Europe/Paris", "fr"))
        .isEqualTo("11 décembre 2026");
    assertThat(LocalDates.date(first, "Europe/Paris", "en")).isEqualTo("December 1, 2026");
  }

  @Test
  void messagesApplyTheLanguagesTypography() {
    var texts = new Messages("org.mediaartscities.shared.i18n.typography-test", TypographyTest.class);
    assertThat(texts.text("greeting", "fr", java.util.Map.of("name", "Léa"))).isEqualTo("Bonjour Léa\u202F!");
    assertThat(texts.text("greeting", "en", java.util.Map.of("name", "Lea"))).isEqualTo("Hello Lea!");
  }
}
