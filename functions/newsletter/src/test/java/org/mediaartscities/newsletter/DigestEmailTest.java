package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.mail.Email;

/** The digest email's dates and typography, in the reader's language: no deployment needed. */
class DigestEmailTest {

  private static final DigestEmail EMAIL = new DigestEmail(new NewsletterLinks("https://mediaartscities.com"),
      "Europe/Paris");
  /** 18:00 in Paris on the 1st of December. */
  private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T17:00:00Z");

  @Test
  void aFrenchDigestOfACallClosingOnTheFirstOfAMonthSaysPremier() {
    Email digest = digestFor("fr", DECEMBER_FIRST);

    assertThat(digest.text()).contains("Clôture le 1er décembre 2026, 18:00");
    assertThat(digest.html()).contains("Clôture le 1er décembre 2026, 18:00");
    assertThat(digest.subject()).endsWith("(1er décembre 2026)");
  }

  @Test
  void anEnglishDigestWritesTheFirstAsTheJdkDoes() {
    Email digest = digestFor("en", DECEMBER_FIRST);

    assertThat(digest.text()).contains("Closes December 1, 2026").doesNotContain("1er");
  }

  @Test
  void aFrenchDigestPutsOneNoBreakSpaceBeforeEachColonOfItsOwnTexts() {
    Email digest = digestFor("fr", DECEMBER_FIRST);

    assertThat(digest.subject()).isEqualTo("Villes des arts numériques\u00A0: les nouveautés (1er décembre 2026)");
    assertThat(digest.text())
        .contains("Changer ce que vous recevez\u00A0: https://mediaartscities.com/newsletter/preferences#token=t",
            "Se désabonner\u00A0: https://mediaartscities.com/newsletter/unsubscribe#token=t")
        .doesNotContain(" :", "\u00A0\u00A0", " \u00A0", "\u00A0 :");
  }

  private static Email digestFor(String language, Instant closesAt) {
    var call = new DigestItem(Preferences.Topic.CALLS, "call-1", "winter-residency", null, language,
        Map.of(language, new DigestItem.Text("Résidence d’hiver", "Candidatez avant la fin de l’année.")), null,
        null, closesAt, "Europe/Paris", closesAt.minusSeconds(86_400 * 20L), null, Map.of());
    var preferences = new Preferences(List.of(language), List.of(), List.of(Preferences.Topic.values()),
        Preferences.Frequency.WEEKLY);
    var reader = Subscriber.pending("id", "reader@example.org", preferences, "hash", closesAt, closesAt)
        .confirmed(closesAt);
    return EMAIL.forSubscriber(List.of(call), reader, closesAt, "t", "https://api.test/newsletter/unsubscribe?token=t",
        null).orElseThrow();
  }
}
