package org.mediaartscities.newsletter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.i18n.LanguageTags;
import org.mediaartscities.shared.text.FieldRules;

/** Reads the preferences of a request: each list checked, errors naming the field and the entry. */
final class PreferenceRules {

  static final int MAX_LANGUAGES = 5;

  /** Preferences as sent: any field may be left out, to keep (or default) it. */
  record Input(List<String> languages, List<String> cities, List<String> topics, String frequency) {}

  private PreferenceRules() {}

  /**
   * @param before what to keep for fields left out
   * @param knownCities the network's city slugs
   */
  static Preferences apply(Input input, Preferences before, Set<String> knownCities) {
    List<String> languages = input.languages() == null ? before.languages() : languages(input.languages());
    List<String> cities = input.cities() == null ? before.cities() : cities(input.cities(), knownCities);
    List<Preferences.Topic> topics = input.topics() == null ? before.topics() : topics(input.topics());
    Preferences.Frequency frequency = input.frequency() == null ? before.frequency() : frequency(input.frequency());
    return new Preferences(languages, cities, topics, frequency);
  }

  static Preferences defaults(String language) {
    return new Preferences(List.of(language), List.of(), List.of(Preferences.Topic.values()),
        Preferences.Frequency.WEEKLY);
  }

  private static List<String> languages(List<String> raw) {
    if (raw.isEmpty() || raw.size() > MAX_LANGUAGES) {
      throw ApiException.invalid("languages", "'languages' lists 1 to " + MAX_LANGUAGES + " language tags, best "
          + "first, such as [\"fr\", \"en\"].");
    }
    var clean = new LinkedHashSet<String>();
    for (int i = 0; i < raw.size(); i++) {
      int index = i;
      clean.add(LanguageTags.canonical(raw.get(i)).orElseThrow(() -> ApiException.invalid("languages[" + index + "]",
          "'" + raw.get(index) + "' is not a language tag such as fr, en or pt-BR.")));
    }
    return List.copyOf(clean);
  }

  private static List<String> cities(List<String> raw, Set<String> known) {
    if (raw.size() > known.size()) {
      throw ApiException.invalid("cities", "'cities' lists city slugs, each once; an empty list means every city.");
    }
    var clean = new LinkedHashSet<String>();
    for (int i = 0; i < raw.size(); i++) {
      String city = raw.get(i) == null ? "" : FieldRules.oneLine(raw.get(i)).toLowerCase(Locale.ROOT);
      if (!known.contains(city)) {
        throw ApiException.invalid("cities[" + i + "]", "'" + raw.get(i) + "' is not a city of the network; "
            + "GET /cities lists their slugs.");
      }
      clean.add(city);
    }
    return List.copyOf(clean);
  }

  private static List<Preferences.Topic> topics(List<String> raw) {
    if (raw.isEmpty()) {
      throw ApiException.invalid("topics", "'topics' lists at least one of news, events and calls.");
    }
    var clean = new ArrayList<Preferences.Topic>();
    for (int i = 0; i < raw.size(); i++) {
      Preferences.Topic topic = null;
      for (Preferences.Topic candidate : Preferences.Topic.values()) {
        if (candidate.id().equals(raw.get(i))) {
          topic = candidate;
        }
      }
      if (topic == null) {
        throw ApiException.invalid("topics[" + i + "]", "A topic is news, events or calls.");
      }
      if (!clean.contains(topic)) {
        clean.add(topic);
      }
    }
    return List.copyOf(clean);
  }

  private static Preferences.Frequency frequency(String raw) {
    for (Preferences.Frequency candidate : Preferences.Frequency.values()) {
      if (candidate.id().equals(raw)) {
        return candidate;
      }
    }
    throw ApiException.invalid("frequency", "'frequency' is weekly or monthly.");
  }
}
