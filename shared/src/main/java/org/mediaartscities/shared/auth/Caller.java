package org.mediaartscities.shared.auth;

import java.util.ArrayList;
import java.util.Set;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;

/**
 * Who is calling a guarded route, from the claims API Gateway's JWT authorizer verified: the token's subject, its
 * Cognito groups, for an editor the city ({@code custom:city}), and the email address when Cognito verified it.
 *
 * @param verifiedEmail the {@code email} claim, lower-cased, only when {@code email_verified} is true; else null. A
 *     jury names its members by address, so an address nobody proved to own must never open a call's applications.
 */
public record Caller(String subject, Set<String> groups, String city, String verifiedEmail) {

  public static final String ADMINS = "admins";
  public static final String EDITORS = "editors";
  public static final String REVIEWERS = "reviewers";

  /** The caller of a route behind the JWT authorizer. */
  public static Caller from(ApiRequest request) {
    String subject = request.claims().get("sub");
    if (subject == null || subject.isBlank()) {
      // Only reachable if a route lost its authorizer in template.yaml: refuse rather than guess.
      throw new ApiException(401, "unauthorized", "Sign in first.", null);
    }
    String email = request.claims().get("email");
    boolean verified = "true".equalsIgnoreCase(request.claims().get("email_verified"));
    return new Caller(subject, groups(request.claims().get("cognito:groups")), request.claims().get("custom:city"),
        verified && email != null && !email.isBlank() ? email.strip().toLowerCase(java.util.Locale.ROOT) : null);
  }

  public boolean isAdmin() {
    return groups.contains(ADMINS);
  }

  /** Whether the caller edits the items of {@code city} (admins edit every city's). */
  public boolean editsCity(String city) {
    return isAdmin() || (groups.contains(EDITORS) && this.city != null && this.city.equals(city));
  }

  /** Admins may change every item; editors only those of their own city; nobody else anything. */
  public void requireMayEdit(String itemCity) {
    if (isAdmin()) {
      return;
    }
    if (!groups.contains(EDITORS) || city == null) {
      throw ApiException.forbidden("Only city editors and admins can change content.");
    }
    if (itemCity == null) {
      throw ApiException.forbidden("Only admins can change network-wide items.");
    }
    if (!itemCity.equals(city)) {
      throw ApiException.forbidden("Editors can only change the items of their own city (" + city + ").");
    }
  }

  public void requireAdmin() {
    if (!isAdmin()) {
      throw ApiException.forbidden("Only admins can do this.");
    }
  }

  /** API Gateway passes an array claim as {@code "[admins editors]"}; a single group may come bare. */
  public static Set<String> groups(String claim) {
    if (claim == null || claim.isBlank()) {
      return Set.of();
    }
    String list = claim.strip();
    if (list.startsWith("[") && list.endsWith("]")) {
      list = list.substring(1, list.length() - 1);
    }
    // Read on every guarded request: split by hand on the separators, with no regular expression.
    var groups = new ArrayList<String>(4);
    int start = -1;
    for (int i = 0; i <= list.length(); i++) {
      if (i == list.length() || isGroupSeparator(list.charAt(i))) {
        String group = start < 0 ? "" : list.substring(start, i);
        if (!group.isBlank()) {
          groups.add(group);
        }
        start = -1;
      } else if (start < 0) {
        start = i;
      }
    }
    return switch (groups.size()) {
      case 0 -> Set.of();
      case 1 -> Set.of(groups.getFirst());
      default -> Set.copyOf(groups);
    };
  }

  /** Whitespace as a regular expression's {@code \\s} means it, the comma and the quote. */
  private static boolean isGroupSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r' || c == ',' || c == '"';
  }
}
