package org.mediaartscities.shared.content;

/**
 * The text of an item in one language. Any field may be missing; the public API then falls back to English,
 * then to the item's original language.
 *
 * @param body Markdown, rendered to safe HTML on output
 * @param eligibility calls only: who may apply
 * @param award calls only: what the selected artists receive
 */
public record Translation(String title, String summary, String body, String eligibility, String award) {

  /** A translation with only the fields every kind has. */
  public static Translation of(String title, String summary, String body) {
    return new Translation(title, summary, body, null, null);
  }
}
