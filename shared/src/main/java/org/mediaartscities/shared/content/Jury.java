package org.mediaartscities.shared.content;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Who reviews a call's applications: their email addresses, lower-cased, without repeats. Stored next to the call
 * (never in the public item) with one index row per juror, so that a reviewer's calls are one Query away.
 *
 * @param version 0 while the call has no jury, then one more at each change (the jury's own ETag)
 */
public record Jury(String callId, List<String> reviewers, long version) {

  /**
   * The most reviewers one call may name: one transaction writes the jury row, every juror's index row and the
   * removed jurors' deletions, and DynamoDB allows 100 writes in one.
   */
  public static final int MAX_REVIEWERS = 40;

  public Jury {
    reviewers = reviewers == null ? List.of() : List.copyOf(new LinkedHashSet<>(reviewers.stream()
        .map(Jury::address).toList()));
  }

  /** The jury of a call that has none yet: nobody, at version 0. */
  public static Jury none(String callId) {
    return new Jury(callId, List.of(), 0);
  }

  /** Whether the jury names {@code email} (compared lower-cased); false for null. */
  public boolean names(String email) {
    return email != null && reviewers.contains(address(email));
  }

  /** How a jury spells an address: trimmed and lower-cased, as {@code Caller.verifiedEmail()} does. */
  public static String address(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
