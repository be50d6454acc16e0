package org.mediaartscities.admin;

import static org.mediaartscities.admin.InputFields.multiLine;
import static org.mediaartscities.admin.InputFields.oneLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Image;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.i18n.LanguageTags;
import org.mediaartscities.shared.text.FieldRules;

/**
 * The rules an item's input must meet: its translations, tags, images and city here, the details of its kind in
 * {@link KindDetails}, the cleaning of each field in {@link InputFields}. Each failure is a 400 naming the field
 * (as a path: {@code translations.fr.title}, {@code venue.name}, {@code images[0].mediaId}).
 */
final class ItemValidator {

  static final int MAX_TITLE = 200;
  static final int MAX_SUMMARY = 600;
  static final int MAX_BODY = 50_000;
  static final int MAX_SHORT_TEXT = 2_000;
  static final int MAX_TAGS = 20;
  static final int MAX_IMAGES = 20;
  static final int MAX_ALT = 300;
  private static final Pattern MEDIA_ID = Pattern.compile("[0-9a-f-]{36}");

  private final Function<String, Optional<Media>> media;
  private final Function<String, Boolean> cityExists;

  /**
   * @param media looks an uploaded image up by id
   * @param cityExists whether a city slug names a member city
   */
  ItemValidator(Function<String, Optional<Media>> media, Function<String, Boolean> cityExists) {
    this.media = media;
    this.cityExists = cityExists;
  }

  /**
   * The item the input describes.
   *
   * @param status and {@code publishedAt}: kept from the stored item (an edit does not publish)
   */
  ContentItem item(Kind kind, String id, String slug, String city, ItemInput in, PublicationStatus status,
      Instant publishedAt) {
    Map<String, Translation> translations = translations(kind, in.translations());
    String original = in.originalLanguage() == null ? translations.keySet().iterator().next()
        : LanguageTags.canonical(in.originalLanguage()).filter(translations::containsKey).orElseThrow(() ->
            ApiException.invalid("originalLanguage", "'originalLanguage' must be one of the translations' languages."));
    // Checked before any lookup: real DynamoDB refuses oversized keys with an error, not an empty answer.
    if (city != null && (city.length() > 100 || !FieldRules.isSlug(city) || !cityExists.apply(city))) {
      throw ApiException.invalid("city", "There is no city '" + city + "'.");
    }
    KindDetails.onlyItsOwnFields(kind, in);
    return new ContentItem(id, kind, slug, city, original, translations, tags(in.tags()), images(in.images(), city),
        status, publishedAt,
        kind == Kind.EVENT ? KindDetails.event(in) : null,
        kind == Kind.CALL ? KindDetails.call(in) : null,
        KindDetails.isProjectLike(kind) ? KindDetails.project(in) : null);
  }

  /** A slug the editor chose, checked; null when none was given. */
  static String slug(String slug) {
    if (slug == null) {
      return null;
    }
    if (slug.length() > Slugs.MAX_LENGTH || !FieldRules.isSlug(slug)) {
      throw ApiException.invalid("slug", "'slug' must be lower-case letters, digits and single hyphens, at most "
          + Slugs.MAX_LENGTH + " characters.");
    }
    return slug;
  }

  private Map<String, Translation> translations(Kind kind, Map<String, Translation> input) {
    if (input == null || input.isEmpty()) {
      throw ApiException.invalid("translations",
          "At least one translation is needed, e.g. {\"fr\": {\"title\": …}}.");
    }
    if (input.size() > 30) {
      throw ApiException.invalid("translations", "At most 30 translations.");
    }
    var translations = new LinkedHashMap<String, Translation>();
    boolean titled = false;
    for (var entry : input.entrySet()) {
      String field = "translations." + entry.getKey();
      String lang = LanguageTags.canonical(entry.getKey()).orElseThrow(() -> ApiException.invalid(field,
          "'" + entry.getKey() + "' is not a language tag such as fr, en or pt-BR."));
      Translation t = entry.getValue();
      if (t == null) {
        throw ApiException.invalid(field, "A translation must be an object with a title.");
      }
      if (kind != Kind.CALL && (t.eligibility() != null || t.award() != null)) {
        throw ApiException.invalid(field + (t.eligibility() != null ? ".eligibility" : ".award"),
            "Eligibility and award are only for calls.");
      }
      var clean = new Translation(oneLine(field + ".title", t.title(), MAX_TITLE),
          multiLine(field + ".summary", t.summary(), MAX_SUMMARY), multiLine(field + ".body", t.body(), MAX_BODY),
          multiLine(field + ".eligibility", t.eligibility(), MAX_SHORT_TEXT),
          multiLine(field + ".award", t.award(), MAX_SHORT_TEXT));
      titled |= clean.title() != null;
      if (translations.put(lang, clean) != null) {
        throw ApiException.invalid(field, "Two translations are for the same language " + lang + ".");
      }
    }
    if (!titled) {
      throw ApiException.invalid("translations", "At least one translation needs a title.");
    }
    return translations;
  }

  private static List<String> tags(List<String> input) {
    List<String> tags = InputFields.list("tags", input, MAX_TAGS, "tags");
    var clean = new LinkedHashSet<String>();
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      if (tag == null || tag.length() > 40 || !FieldRules.isSlug(tag)) {
        throw ApiException.invalid("tags[" + i + "]", "A tag is lower-case letters, digits and hyphens, e.g. "
            + "sound-art.");
      }
      clean.add(tag);
    }
    return List.copyOf(clean);
  }

  /** The images of an item of {@code city}: uploaded, checked, and uploaded for that city (or by an admin). */
  private List<Image> images(List<ItemInput.ImageInput> input, String city) {
    List<ItemInput.ImageInput> images = InputFields.list("images", input, MAX_IMAGES, "images");
    var clean = new ArrayList<Image>();
    for (int i = 0; i < images.size(); i++) {
      String field = "images[" + i + "]";
      ItemInput.ImageInput image = images.get(i);
      if (image == null || image.mediaId() == null) {
        throw ApiException.invalid(field + ".mediaId", "Each image names an uploaded media id.");
      }
      Media uploaded = (MEDIA_ID.matcher(image.mediaId()).matches() ? media.apply(image.mediaId())
          : Optional.<Media>empty()).orElseThrow(() -> ApiException.invalid(field + ".mediaId",
              "There is no uploaded image " + (image.mediaId().length() > 64 ? "with this id" : image.mediaId())
                  + "."));
      if (uploaded.status() != Media.Status.READY) {
        throw ApiException.invalid(field + ".mediaId", "Image " + image.mediaId() + " is " + uploaded.status().id()
            + (uploaded.reason() == null ? "" : " (" + uploaded.reason() + ")") + "; only ready images can be used.");
      }
      if (uploaded.city() != null && !uploaded.city().equals(city)) {
        // Another city's upload: publishing this item would make that city's private image public.
        throw ApiException.invalid(field + ".mediaId", "Image " + image.mediaId() + " was uploaded for another city;"
            + " upload it again for this item.");
      }
      var alt = new LinkedHashMap<String, String>();
      if (image.alt() != null) {
        image.alt().forEach((tag, text) -> alt.put(
            LanguageTags.canonical(tag).orElseThrow(() -> ApiException.invalid(field + ".alt." + tag,
                "'" + tag + "' is not a language tag.")),
            oneLine(field + ".alt." + tag, text, MAX_ALT)));
      }
      clean.add(new Image(uploaded.renditionsKey(), alt, uploaded.renditions()));
    }
    return clean;
  }
}
