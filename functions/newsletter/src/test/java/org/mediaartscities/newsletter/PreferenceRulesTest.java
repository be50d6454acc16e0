package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.newsletter.Preferences.Frequency;
import org.mediaartscities.newsletter.Preferences.Topic;
import org.mediaartscities.shared.http.ApiException;

/** Every value a subscriber's preferences accept and refuse, without a deployment. */
class PreferenceRulesTest {

  private static final Set<String> CITIES = Set.of("lyon", "linz", "york");
  private static final Preferences BEFORE = new Preferences(List.of("de"), List.of("linz"), List.of(Topic.CALLS),
      Frequency.MONTHLY);

  private static Preferences apply(List<String> languages, List<String> cities, List<String> topics,
      String frequency) {
    return PreferenceRules.apply(new PreferenceRules.Input(languages, cities, topics, frequency), BEFORE, CITIES);
  }

  /** "a;b" → [a, b]; "" → []; "null" → a null entry. */
  private static List<String> list(String entries) {
    return entries.isEmpty() ? List.of()
        : Arrays.stream(entries.split(";", -1)).map(e -> e.equals("null") ? null : e).toList();
  }

  @Test
  void fieldsLeftOutKeepWhatWasThere() {
    assertThat(apply(null, null, null, null)).isEqualTo(BEFORE);
  }

  @Test
  void aNewSubscriberGetsTheirLanguageEveryCityEveryTopicWeekly() {
    assertThat(PreferenceRules.defaults("fr")).isEqualTo(new Preferences(List.of("fr"), List.of(),
        List.of(Topic.NEWS, Topic.EVENTS, Topic.CALLS), Frequency.WEEKLY));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "fr | fr",
      "fr;en | fr;en",
      "FR;pt-br | fr;pt-BR",
      "fr;fr;en | fr;en",
      "fr;en;de;it;ja | fr;en;de;it;ja",
  })
  void languagesAreKeptBestFirstInCanonicalCaseEachOnce(String given, String kept) {
    assertThat(apply(list(given), null, null, null).languages()).isEqualTo(list(kept));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "'' | languages",
      "fr;en;de;it;ja;ko | languages",
      "x_y | languages[0]",
      "fr;not a tag | languages[1]",
      "fr;null | languages[1]",
  })
  void badLanguagesAreRefusedNamingTheEntry(String given, String field) {
    assertRefused(() -> apply(list(given), null, null, null), field);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "'' | ''",
      "lyon | lyon",
      "york;lyon | york;lyon",
      "Lyon ;LINZ | lyon;linz",
      "lyon;lyon | lyon",
  })
  void citiesAreNetworkSlugsCleanedAndLowerCasedEachOnce(String given, String kept) {
    assertThat(apply(null, list(given), null, null).cities()).isEqualTo(list(kept));
  }

  @Test
  void controlAndBidiCharactersGoFromACityAsFromAnyOneLineField() {
    assertThat(apply(null, List.of("ly\u0000on", "\u202Eyork\t"), null, null).cities())
        .containsExactly("lyon", "york");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "paris | cities[0]",
      "lyon;null | cities[1]",
      "lyon;linz;york;lyon | cities",
  })
  void citiesOutsideTheNetworkAreRefusedNamingTheEntry(String given, String field) {
    assertRefused(() -> apply(null, list(given), null, null), field);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "news | NEWS",
      "calls;news | CALLS;NEWS",
      "events;events | EVENTS",
      "news;events;calls | NEWS;EVENTS;CALLS",
  })
  void topicsAreKeptInTheirOrderEachOnce(String given, String kept) {
    assertThat(apply(null, null, list(given), null).topics())
        .isEqualTo(list(kept).stream().map(Topic::valueOf).toList());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "'' | topics",
      "gossip | topics[0]",
      "news;NEWS | topics[1]",
      "news;null | topics[1]",
  })
  void unknownTopicsAreRefusedNamingTheEntry(String given, String field) {
    assertRefused(() -> apply(null, null, list(given), null), field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"weekly, WEEKLY", "monthly, MONTHLY"})
  void theFrequencyIsWeeklyOrMonthly(String given, Frequency kept) {
    assertThat(apply(null, null, null, given).frequency()).isEqualTo(kept);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource({"daily", "Weekly", "' monthly'", "''"})
  void anyOtherFrequencyIsRefused(String given) {
    assertRefused(() -> apply(null, null, null, given), "frequency");
  }

  private static void assertRefused(Runnable applying, String field) {
    assertThatThrownBy(applying::run).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.field()).isEqualTo(field);
    });
  }
}
