package org.mediaartscities.local.server;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.local.auth.LocalIssuer;
import org.mediaartscities.local.template.LocalResolver;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.Template.HttpRoute;

/**
 * Plays API Gateway's JWT authorizer for the routes that name one in template.yaml: the token's signature, issuer,
 * audience, expiry and the route's required scopes are checked before any function runs, exactly as declared.
 */
final class LocalAuthorizer {

  /** The outcome: a status to answer with (401, 403), or the claims and scopes to hand the function. */
  record Decision(int status, Map<String, String> claims, List<String> scopes) {
    boolean allowed() {
      return status == 200;
    }
  }

  private record Rule(String issuer, List<String> audiences) {}

  private final LocalIssuer issuer;
  private final Map<String, Rule> rules = new HashMap<>();

  LocalAuthorizer(Template template, LocalResolver resolver, LocalIssuer issuer) {
    this.issuer = issuer;
    template.jwtAuthorizers().forEach((name, authorizer) -> {
      Object audience = resolver.resolve(authorizer.audience());
      List<String> audiences = audience instanceof List<?> list ? list.stream().map(Object::toString).toList()
          : List.of(String.valueOf(audience));
      rules.put(name, new Rule(resolver.string(authorizer.issuer()), audiences));
    });
  }

  /** The issuer and first audience of the template's first JWT authorizer: what local tokens are made for. */
  Optional<Map.Entry<String, String>> tokenTarget() {
    return rules.values().stream().findFirst().map(rule -> Map.entry(rule.issuer(), rule.audiences().getFirst()));
  }

  Decision check(HttpRoute route, String authorization) {
    Rule rule = rules.get(route.authorizer());
    if (rule == null) {
      throw new IllegalStateException("Route " + route.routeKey() + " names authorizer " + route.authorizer()
          + ", which template.yaml does not declare as a JWT authorizer");
    }
    if (authorization == null || authorization.isBlank()) {
      return denied(401);
    }
    String token = authorization.strip();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).strip();
    }
    Optional<JWTClaimsSet> verified = issuer.verifySignature(token);
    if (verified.isEmpty()) {
      return denied(401);
    }
    JWTClaimsSet claims = verified.get();
    Date now = new Date();
    boolean audienceMatches = claims.getAudience().stream().anyMatch(rule.audiences()::contains)
        || rule.audiences().contains(stringClaim(claims, "client_id"));
    if (!rule.issuer().equals(claims.getIssuer()) || !audienceMatches || claims.getExpirationTime() == null
        || !claims.getExpirationTime().after(now)
        || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now))) {
      return denied(401);
    }
    List<String> scopes = scopes(claims);
    if (!route.scopes().isEmpty() && route.scopes().stream().noneMatch(scopes::contains)) {
      return denied(403);
    }
    return new Decision(200, LocalIssuer.flatten(claims), scopes);
  }

  private static List<String> scopes(JWTClaimsSet claims) {
    String scope = stringClaim(claims, "scope");
    return scope == null || scope.isBlank() ? List.of() : List.of(scope.strip().split("\\s+"));
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      return null;
    }
  }

  private static Decision denied(int status) {
    return new Decision(status, Map.of(), List.of());
  }
}
