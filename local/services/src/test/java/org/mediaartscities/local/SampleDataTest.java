package org.mediaartscities.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;

/** The sample data exercises what the public API offers: every kind, filter, status and language case. */
class SampleDataTest {

  private final Instant now = Instant.now();

  @Test
  void listsTheTwentyTwoCitiesWithTheirDiacritics() {
    Map<String, City> cities = SampleData.cities().stream().collect(Collectors.toMap(City::slug, c -> c));

    assertThat(cities).hasSize(22).containsKeys("kosice", "tel-aviv", "enghien-les-bains", "campina-grande");
    assertThat(cities.get("kosice").name().get("fr")).isEqualTo("Košice");
    assertThat(cities.get("modena").name()).containsEntry("fr", "Modène").containsEntry("en", "Modena");
    assertThat(cities.get("tbilisi").name()).containsEntry("fr", "Tbilissi");
    assertThat(cities.values()).allMatch(c -> c.country().matches("[A-Z]{2}"));
  }

  @Test
  void itemsCoverEveryKindAndCallStatusAndReferToKnownCities() {
    var items = SampleData.items(now);
    Set<String> citySlugs = SampleData.cities().stream().map(City::slug).collect(Collectors.toSet());

    assertThat(items.stream().map(ContentItem::kind).distinct()).containsExactlyInAnyOrder(Kind.values());
    assertThat(items).allMatch(i -> i.city() == null || citySlugs.contains(i.city()));
    assertThat(items.stream().filter(i -> i.kind() == Kind.CALL).map(i -> i.call().statusAt(now)).distinct())
        .containsExactlyInAnyOrder(CallStatus.values());
    assertThat(items).anyMatch(i -> !i.isPublicAt(now));
    assertThat(items).anyMatch(i -> i.translations().keySet().equals(Set.of("fr")));
    assertThat(items).anyMatch(i -> i.translations().keySet().equals(Set.of("en")));
    assertThat(items.stream().map(i -> i.kind() + "/" + i.slug()).distinct()).hasSize(items.size());
  }
}
