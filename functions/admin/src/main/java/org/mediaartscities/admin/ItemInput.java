package org.mediaartscities.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.ProjectDetails;
import org.mediaartscities.shared.content.Translation;

/**
 * The body of {@code POST /admin/{kind}} and {@code PUT /admin/{kind}/{id}}, as sent. Unknown fields are refused;
 * the read-only fields the admin API returns are accepted and ignored, so that a client can send back what it
 * read. Times are ISO-8601 with an offset ({@code 2026-12-01T18:30:00+01:00}). A call's form is not part of it:
 * it has its own route ({@link FormEditing}), so that an edit of the call never drops or changes it.
 */
@JsonIgnoreProperties(value = {"id", "kind", "status", "version", "publishedAt", "createdAt", "createdBy",
    "updatedAt", "updatedBy", "formerSlugs", "publicPath", "formVersion"}, allowGetters = false)
record ItemInput(
    String slug,
    String city,
    String originalLanguage,
    Map<String, Translation> translations,
    List<String> tags,
    List<ImageInput> images,
    String startsAt,
    String endsAt,
    String timeZone,
    EventDetails.Venue venue,
    String onlineUrl,
    String attendanceMode,
    String opensAt,
    String closesAt,
    CallDetails.Contact contact,
    Integer year,
    String edition,
    List<String> participatingCities,
    List<ProjectDetails.Artist> artists,
    List<ProjectDetails.Link> links) {

  /** An image of the item: an uploaded media id and its alternative text per language. */
  @JsonIgnoreProperties(value = {"key", "renditions"}, allowGetters = false)
  record ImageInput(String mediaId, Map<String, String> alt) {}
}
