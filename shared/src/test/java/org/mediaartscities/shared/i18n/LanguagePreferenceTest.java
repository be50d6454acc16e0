package org.mediaartscities.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagePreferenceTest {

  @Test
  void acceptLanguageIsRankedByQualityThenOrder() {
    assertThat(LanguagePreference.parseAcceptLanguage("en;q=0.5, fr-CH, fr;q=0.9, de;q=0.9, *;q=0.1, ko;q=0"))
        .containsExactly("fr-CH", "fr", "de", "en");
  }

  @Test
  void malformedEntriesAreSkippedNotFatal() {
    assertThat(LanguagePreference.parseAcceptLanguage(";;;, ,fr;q=abc, en_US, pt-br;q=0.4"))
        .containsExactly("pt-BR");
    assertThat(LanguagePreference.parseAcceptLanguage(null)).isEmpty();
  }

  @Test
  void aHeaderReadAgainGivesTheSameRanking() {
    String header = "de-CH, de;q=0.9, en;q=0.8, fr;q=0.7";
    List<String> first = LanguagePreference.parseAcceptLanguage(header);
    List<String> again = LanguagePreference.parseAcceptLanguage(new String(header.toCharArray()));

    assertThat(first).containsExactly("de-CH", "de", "en", "fr");
    assertThat(again).isEqualTo(first);
  }

  @Test
  void headersCachedStayFewAndShortWhateverCallersSend() {
    for (int i = 0; i < 10 * LanguagePreference.CACHED_HEADERS; i++) {
      assertThat(LanguagePreference.parseAcceptLanguage("fr;q=0." + i + ", en")).first().isIn("fr", "en");
    }
    String longHeader = "en-GB, " + "x-private;q=0.1, ".repeat(20) + "fr;q=0.5";
    assertThat(longHeader.length()).isGreaterThan(LanguagePreference.CACHED_HEADER_MAX_LENGTH);

    assertThat(LanguagePreference.parseAcceptLanguage(longHeader)).containsExactly("en-GB", "fr");
    assertThat(LanguagePreference.cachedHeaders()).isLessThanOrEqualTo(LanguagePreference.CACHED_HEADERS);
  }

  @Test
  void theLangParameterWinsOverTheHeader() {
    var preference = LanguagePreference.of(Optional.of("fr"), "en-US,en;q=0.9");
    assertThat(preference.choose(Set.of("en", "fr"), "en")).isEqualTo("fr");
  }

  @ParameterizedTest(name = "{0} with {1} -> {3}")
  @CsvSource({
      "'pt-BR,pt;q=0.9', 'pt-BR fr en', fr, pt-BR",
      "'pt-PT', 'pt-BR fr', fr, pt-BR",
      "'pt', 'pt-BR en', en, pt-BR",
      "'de', 'fr en', fr, en",
      "'de', 'fr ko', ko, ko",
      "'', 'fr en', fr, en",
      "'', 'es fr', es, es",
      "'ja, fr;q=0.5', 'en fr', en, fr",
  })
  void choosesTheFirstAskedLanguageTheItemHasElseEnglishElseTheOriginal(String header, String available,
      String original, String expected) {
    var preference = LanguagePreference.of(Optional.empty(), header);
    assertThat(preference.choose(List.of(available.split(" ")), original)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"fr, fr", "pt-br, pt-BR", "EN, en", "zh-hant-tw, zh-Hant-TW", "es-419, es-419"})
  void tagsAreCanonicalised(String tag, String canonical) {
    assertThat(LanguageTags.canonical(tag)).contains(canonical);
  }

  @ParameterizedTest
  @CsvSource({"f", "fr_FR", "12", "'fr-'", "'-fr'", "'fr--FR'", "français", "'fr;drop'"})
  void malformedTagsAreRefused(String tag) {
    assertThat(LanguageTags.canonical(tag)).isEmpty();
  }
}
