package org.mediaartscities.local.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * ID tokens shaped like Cognito's for the template's user pool: {@code iss}, {@code aud} (the app client),
 * {@code token_use: id}, {@code cognito:groups} and, for editors, {@code custom:city}.
 */
public final class LocalTokens {

  private final LocalIssuer issuer;
  private final String issuerUrl;
  private final String audience;

  public LocalTokens(LocalIssuer issuer, String issuerUrl, String audience) {
    this.issuer = issuer;
    this.issuerUrl = issuerUrl;
    this.audience = audience;
  }

  /**
   * A token for a role.
   *
   * @param role {@code editor}, {@code admin} or {@code reviewer}
   * @param city the editor's city slug; required for editors
   * @param lifetime how long it is valid; negative for an already expired token (tests)
   * @param subject the user's id, or null for one derived from role and city
   */
  public String issue(String role, String city, Duration lifetime, String subject) {
    return issue(role, city, lifetime, subject, null);
  }

  /**
   * The same, for a user whose email address Cognito verified ({@code email_verified: true}), as a juror invited by
   * that address is; without one, the token carries an unverified address made from role and city.
   */
  public String issue(String role, String city, Duration lifetime, String subject, String verifiedEmail) {
    String group = switch (role) {
      case "editor" -> "editors";
      case "admin" -> "admins";
      case "reviewer" -> "reviewers";
      default -> throw new IllegalArgumentException("role is editor, admin or reviewer, not '" + role + "'");
    };
    if (role.equals("editor") && (city == null || city.isBlank())) {
      throw new IllegalArgumentException("an editor needs a city (--city lyon)");
    }
    if (verifiedEmail != null && !verifiedEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new IllegalArgumentException("--email is an email address, such as ana@example.org");
    }
    String name = role + (city == null ? "" : "-" + city);
    String identity = verifiedEmail != null ? verifiedEmail : name;
    String sub = subject != null ? subject : UUID.nameUUIDFromBytes(identity.getBytes()).toString();
    Instant now = Instant.now();
    var claims = new JWTClaimsSet.Builder()
        .issuer(issuerUrl)
        .audience(audience)
        .subject(sub)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString())
        .claim("token_use", "id")
        .claim("auth_time", now.getEpochSecond())
        .claim("cognito:username", name)
        .claim("email", verifiedEmail != null ? verifiedEmail : name + "@example.org")
        .claim("email_verified", verifiedEmail != null)
        .claim("cognito:groups", List.of(group));
    if (city != null && !city.isBlank()) {
      claims.claim("custom:city", city);
    }
    return issuer.issue(claims.build());
  }

  /** The key that signs them. */
  public LocalIssuer issuer() {
    return issuer;
  }

  public String issuerUrl() {
    return issuerUrl;
  }

  public String audience() {
    return audience;
  }
}
