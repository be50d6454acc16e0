package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Image;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.content.ProjectDetails;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.shared.http.ApiException;

/** The item rules on their own, at their limits: what is accepted, what is refused and which field is named. */
class ItemValidatorTest {

  private static final String READY = "0f8fad5b-d9cb-469f-a165-70867728950e";
  private static final String PENDING = "1f8fad5b-d9cb-469f-a165-70867728950e";
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

  private final ItemValidator validator = new ItemValidator(id -> Optional.ofNullable(uploads().get(id)),
      Set.of("lyon", "linz")::contains);

  private static Map<String, Media> uploads() {
    var ready = new Media(READY, Media.Status.PENDING, "image/jpeg", 100, "a.jpg", "uploads/" + READY + ".jpg",
        "lyon", "editor-lyon", NOW, null, null).ready(List.of(new Image.Rendition(400, 300, "r/400.jpg")));
    var pending = new Media(PENDING, Media.Status.PENDING, "image/jpeg", 100, "b.jpg", "uploads/" + PENDING + ".jpg",
        "lyon", "editor-lyon", NOW, null, null);
    return Map.of(READY, ready, PENDING, pending);
  }

  @Test
  void acceptsTextAtEachLimitAndRefusesOneCharacterMore() {
    var atLimit = new Translation("t".repeat(ItemValidator.MAX_TITLE), "s".repeat(ItemValidator.MAX_SUMMARY),
        "b".repeat(ItemValidator.MAX_BODY), null, null);
    assertThat(news(Map.of("fr", atLimit)).translations().get("fr")).isEqualTo(atLimit);

    refused(() -> news(Map.of("fr", Translation.of("t".repeat(ItemValidator.MAX_TITLE + 1), null, null))),
        "translations.fr.title");
    refused(() -> news(Map.of("fr", Translation.of("t", "s".repeat(ItemValidator.MAX_SUMMARY + 1), null))),
        "translations.fr.summary");
    refused(() -> news(Map.of("fr", Translation.of("t", null, "b".repeat(ItemValidator.MAX_BODY + 1)))),
        "translations.fr.body");
  }

  @Test
  void titlesLoseControlCharactersAndBidiOverridesButKeepJoinersAndMarks() {
    String title = "  \u202Eevil\u202C \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u200F\u05E9\u05DC\u05D5\u05DD"
        + " \uD83D\uDC69\u200D\uD83D\uDCBB\u0007\t ";
    String expected = "evil \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u200F\u05E9\u05DC\u05D5\u05DD"
        + " \uD83D\uDC69\u200D\uD83D\uDCBB";

    assertThat(news(Map.of("fa", Translation.of(title, null, null))).translations().get("fa").title())
        .isEqualTo(expected);
  }

  @Test
  void bodiesKeepTheirLineBreaksAsLineFeedsAndLoseOtherControls() {
    Translation t = news(Map.of("fr", Translation.of("t", "Un\r\ndeux", "Ligne 1\r\nLigne 2\rLigne 3\tfin\u0000")))
        .translations().get("fr");

    assertThat(t.summary()).isEqualTo("Un\ndeux");
    assertThat(t.body()).isEqualTo("Ligne 1\nLigne 2\nLigne 3fin");
  }

  @Test
  void aTitleOfOnlySpacesAndControlsIsNoTitle() {
    refused(() -> news(Map.of("fr", Translation.of(" \u0001 ", "s", null))), "translations");
  }

  @Test
  void acceptsThirtyTranslationsAndRefusesThirtyOne() {
    List<String> languages = List.of("af", "ar", "bg", "bn", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa",
        "fi", "fr", "he", "hi", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "nl", "pl", "pt", "ro", "ru", "sk");
    var thirty = new java.util.LinkedHashMap<String, Translation>();
    languages.subList(0, 30).forEach(l -> thirty.put(l, Translation.of("t", null, null)));
    assertThat(news(thirty).translations()).hasSize(30);

    var thirtyOne = new java.util.LinkedHashMap<>(thirty);
    thirtyOne.put(languages.get(30), Translation.of("t", null, null));
    refused(() -> news(thirtyOne), "translations");
  }

  @Test
  void acceptsTwentyTagsOfFortyCharactersAndRefusesMore() {
    List<String> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add(("tag-" + i + "-").concat("x".repeat(40)).substring(0, 40));
    }
    assertThat(item(Kind.NEWS, null, withTags(twenty)).tags()).hasSize(20);

    var twentyOne = new ArrayList<>(twenty);
    twentyOne.add("one-more");
    refused(() -> item(Kind.NEWS, null, withTags(twentyOne)), "tags");
    refused(() -> item(Kind.NEWS, null, withTags(List.of("x".repeat(41)))), "tags[0]");
    refused(() -> item(Kind.NEWS, null, withTags(List.of("Fête"))), "tags[0]");
  }

  @Test
  void onlyAReadyUploadOfAKnownIdIllustratesAnItem() {
    var ready = new ItemInput.ImageInput(READY, Map.of("fr", " Une façade\u202E "));
    Image image = item(Kind.NEWS, "lyon", withImages(List.of(ready))).images().getFirst();
    assertThat(image.alt()).containsEntry("fr", "Une façade");
    assertThat(image.renditions()).hasSize(1);

    refused(() -> item(Kind.NEWS, "lyon", withImages(List.of(new ItemInput.ImageInput(PENDING, null)))),
        "images[0].mediaId");
    refused(() -> item(Kind.NEWS, "lyon", withImages(List.of(new ItemInput.ImageInput("nope", null)))),
        "images[0].mediaId");
    refused(() -> item(Kind.NEWS, "lyon", withImages(Collections.nCopies(ItemValidator.MAX_IMAGES + 1, ready))),
        "images");
    refused(() -> item(Kind.NEWS, "lyon", withImages(List.of(new ItemInput.ImageInput(READY,
        Map.of("fr", "a".repeat(ItemValidator.MAX_ALT + 1)))))), "images[0].alt.fr");
    // Lyon's upload illustrates Lyon's items only: another city's item, or a network item, is refused.
    refused(() -> item(Kind.NEWS, "linz", withImages(List.of(ready))), "images[0].mediaId");
    refused(() -> item(Kind.NEWS, null, withImages(List.of(ready))), "images[0].mediaId");
  }

  @Test
  void theCityMustBeAMemberCityAndAShortSlug() {
    assertThat(item(Kind.NEWS, "lyon", base()).city()).isEqualTo("lyon");
    refused(() -> item(Kind.NEWS, "atlantis", base()), "city");
    refused(() -> item(Kind.NEWS, "l".repeat(101), base()), "city");
  }

  @ParameterizedTest(name = "slug of {0} characters: accepted={1}")
  @CsvSource({"1, true", "80, true", "81, false"})
  void aChosenSlugHasAtMostEightyCharacters(int length, boolean accepted) {
    String slug = "a".repeat(length);
    if (accepted) {
      assertThat(ItemValidator.slug(slug)).isEqualTo(slug);
    } else {
      refused(() -> ItemValidator.slug(slug), "slug");
    }
  }

  @ParameterizedTest(name = "event {0} to {1}: refused on {2}")
  @CsvSource(delimiter = '|', value = {
      "2026-12-01T10:00:00+01:00 | 2026-12-01T10:00:00+01:00 | endsAt",
      "2026-12-01T10:00:00+01:00 | 2027-03-03T10:00:01+01:00 | endsAt",
      "2026-12-01 10:00 | 2026-12-01T12:00:00+01:00 | startsAt",
  })
  void refusesAnEventThatEndsTooSoonOrTooLate(String starts, String ends, String field) {
    refused(() -> item(Kind.EVENT, "lyon", event(starts, ends, "offline", null)), field);
  }

  @Test
  void acceptsAnEventOfExactlyNinetyTwoDays() {
    EventDetails event = item(Kind.EVENT, "lyon", event("2026-12-01T10:00:00+01:00", "2027-03-03T10:00:00+01:00",
        "offline", null)).event();

    assertThat(java.time.Duration.between(event.startsAt(), event.endsAt())).isEqualTo(KindDetails.MAX_EVENT_DURATION);
    assertThat(event.venue().address()).isEqualTo("1, place des Terreaux\nLyon");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "https://example.org/live | true",
      "HTTP://example.org/live | true",
      "ftp://example.org/live | false",
      "https:///no-host | false",
      "javascript:alert(1) | false",
      "not a url | false",
  })
  void anOnlineEventNeedsAnHttpAddress(String url, boolean accepted) {
    ItemInput input = event("2026-12-01T10:00:00+01:00", "2026-12-01T12:00:00+01:00", "online", url);
    if (accepted) {
      assertThat(item(Kind.EVENT, "lyon", input).event().onlineUrl()).isEqualTo(url);
    } else {
      refused(() -> item(Kind.EVENT, "lyon", input), "onlineUrl");
    }
  }

  @Test
  void aUrlHasAtMostTwoThousandCharacters() {
    String prefix = "https://example.org/";
    String longest = prefix + "a".repeat(InputFields.MAX_URL - prefix.length());
    ItemInput ok = event("2026-12-01T10:00:00+01:00", "2026-12-01T12:00:00+01:00", "online", longest);
    ItemInput tooLong = event("2026-12-01T10:00:00+01:00", "2026-12-01T12:00:00+01:00", "online", longest + "a");

    assertThat(item(Kind.EVENT, "lyon", ok).event().onlineUrl()).hasSize(InputFields.MAX_URL);
    refused(() -> item(Kind.EVENT, "lyon", tooLong), "onlineUrl");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "appel@example.org | true",
      "not-an-email | false",
      "two@@example.org | false",
      "a@b.c | false",
  })
  void aCallsContactEmailMustBeAnEmailAddress(String email, boolean accepted) {
    ItemInput input = new ItemInput(null, null, null, Map.of("fr", Translation.of("Appel", null, null)), null, null,
        null, null, "Europe/Paris", null, null, null, "2026-12-01T09:00:00+01:00", "2026-12-10T09:00:00+01:00",
        new CallDetails.Contact(email, "https://example.org"), null, null, null, null, null);
    if (accepted) {
      assertThat(item(Kind.CALL, "lyon", input).call().contact().email()).isEqualTo(email);
    } else {
      refused(() -> item(Kind.CALL, "lyon", input), "contact.email");
    }
  }

  @ParameterizedTest(name = "year {0}: accepted={1}")
  @CsvSource({"1989, false", "1990, true", "2100, true", "2101, false"})
  void aProjectsYearLiesBetween1990And2100(int year, boolean accepted) {
    ItemInput input = new ItemInput(null, null, null, Map.of("en", Translation.of("Project", null, null)), null,
        null, null, null, null, null, null, null, null, null, null, year, " Edition\u2066 2026 ", List.of("lyon"),
        List.of(new ProjectDetails.Artist("Ada\u0000", "https://ada.example.org")), null);
    if (accepted) {
      ProjectDetails project = item(Kind.PROJECT, null, input).project();
      assertThat(project.year()).isEqualTo(year);
      assertThat(project.edition()).isEqualTo("Edition 2026");
      assertThat(project.artists().getFirst().name()).isEqualTo("Ada");
    } else {
      refused(() -> item(Kind.PROJECT, null, input), "year");
    }
  }

  @Test
  void aFieldOfAnotherKindIsRefusedNamingIt() {
    ItemInput startsOnNews = new ItemInput(null, null, null, Map.of("fr", Translation.of("t", null, null)), null,
        null, "2026-12-01T10:00:00+01:00", null, null, null, null, null, null, null, null, null, null, null, null,
        null);

    refused(() -> item(Kind.NEWS, null, startsOnNews), "startsAt");
  }

  private ContentItem news(Map<String, Translation> translations) {
    return item(Kind.NEWS, null, new ItemInput(null, null, null, translations, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null));
  }

  private ContentItem item(Kind kind, String city, ItemInput input) {
    return validator.item(kind, "id-1", "slug", city, input, PublicationStatus.DRAFT, null);
  }

  private static ItemInput base() {
    return withTags(null);
  }

  private static ItemInput withTags(List<String> tags) {
    return new ItemInput(null, null, null, Map.of("fr", Translation.of("t", null, null)), tags, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static ItemInput withImages(List<ItemInput.ImageInput> images) {
    return new ItemInput(null, null, null, Map.of("fr", Translation.of("t", null, null)), null, images, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static ItemInput event(String starts, String ends, String mode, String onlineUrl) {
    return new ItemInput(null, null, null, Map.of("fr", Translation.of("Concert", null, null)), null, null, starts,
        ends, "Europe/Paris", new EventDetails.Venue("Salle", "1, place des Terreaux\r\nLyon"), onlineUrl, mode, null,
        null, null, null, null, null, null, null);
  }

  private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.field()).isEqualTo(field);
    });
  }
}
