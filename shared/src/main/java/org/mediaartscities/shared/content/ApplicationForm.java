package org.mediaartscities.shared.content;

import java.util.List;
import java.util.Map;

/**
 * The form artists fill in to apply to a call, and how the jury scores them. Labels and help texts are given per
 * language and served with the same fallbacks as the call's text.
 *
 * @param onePerEmail whether one person (email address) may apply once only; true unless the call says otherwise
 * @param maxTeamMembers how many co-applicants an application may name (0: individual applications only)
 * @param blindReview whether reviewers see applications without the applicant's identity
 * @param version 1 for a call's first form, one more at each change; a form stored without one reads as 1. Each
 *     application keeps a copy of the version it was created against.
 */
public record ApplicationForm(List<Field> fields, Boolean onePerEmail, Integer maxTeamMembers,
    List<Criterion> criteria, Boolean blindReview, int version) {

  public ApplicationForm {
    fields = fields == null ? List.of() : List.copyOf(fields);
    onePerEmail = onePerEmail == null || onePerEmail;
    maxTeamMembers = maxTeamMembers == null ? 0 : maxTeamMembers;
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    blindReview = blindReview != null && blindReview;
    version = Math.max(version, 1);
  }

  /** A form at version 1. */
  public ApplicationForm(List<Field> fields, Boolean onePerEmail, Integer maxTeamMembers, List<Criterion> criteria,
      Boolean blindReview) {
    this(fields, onePerEmail, maxTeamMembers, criteria, blindReview, 1);
  }

  /** The same form at another version. */
  public ApplicationForm withVersion(int version) {
    return new ApplicationForm(fields, onePerEmail, maxTeamMembers, criteria, blindReview, version);
  }

  /** The field types a form may use. */
  public static final List<String> TYPES = List.of("short-text", "long-text", "email", "url", "single-choice",
      "multiple-choice", "date", "country", "file", "consent");

  /**
   * One question.
   *
   * @param id stable key of the answer, e.g. {@code statement}
   * @param type one of {@link #TYPES}
   * @param minWords long text only
   * @param fileTypes file only: accepted content types
   * @param maxFileBytes file only
   * @param maxFiles file only
   */
  public record Field(String id, String type, Boolean required, Map<String, String> label, Map<String, String> help,
      Integer minWords, Integer maxWords, List<Choice> choices, List<String> fileTypes, Long maxFileBytes,
      Integer maxFiles) {

    public Field {
      required = required != null && required;
      label = label == null ? Map.of() : Map.copyOf(label);
      help = help == null ? Map.of() : Map.copyOf(help);
      choices = choices == null ? List.of() : List.copyOf(choices);
      fileTypes = fileTypes == null ? List.of() : List.copyOf(fileTypes);
    }
  }

  /** One option of a choice field: the stored value and its label per language. */
  public record Choice(String value, Map<String, String> label) {}

  /** A scoring criterion: its name per language, its weight in the mean, and the top of its scale (1 to scale). */
  public record Criterion(String id, Map<String, String> name, Double weight, Integer scale) {}
}
