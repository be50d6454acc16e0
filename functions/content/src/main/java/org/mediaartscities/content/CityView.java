package org.mediaartscities.content;

import org.mediaartscities.shared.content.City;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mediaartscities.shared.i18n.LanguagePreference;

/** The public JSON of a city: its name in the chosen language, and in every language it has. */
final class CityView {

  private CityView() {}

  static Map<String, Object> of(City city, LanguagePreference preference) {
    String original = city.languages().isEmpty() ? null : city.languages().getFirst();
    String lang = preference.choose(city.name().keySet(), original);
    var view = new LinkedHashMap<String, Object>();
    view.put("slug", city.slug());
    view.put("lang", lang);
    view.put("name", city.name().get(lang));
    view.put("names", new java.util.TreeMap<>(city.name()));
    view.put("country", city.country());
    view.put("continent", city.continent());
    view.put("coordinates", city.coordinates());
    view.put("languages", city.languages());
    view.put("website", city.website());
    view.put("joinedYear", city.joinedYear());
    return view;
  }
}
