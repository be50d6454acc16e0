package org.mediaartscities.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.env.Secret;
import org.mediaartscities.shared.env.Secrets;

/**
 * The two kinds of newsletter token, each good for one purpose only.
 *
 * <ul>
 *   <li>Confirmation: {@code {subscriber id}.{256 random bits}}; only the hash of the random part is stored, with an
 *       expiry.
 *   <li>Management (preferences and unsubscribe, in every newsletter email):
 *       {@code {subscriber id}.{epoch}.{HMAC}}, signed with the stack's secret and stored nowhere, so that each of
 *       100,000 digests can carry one without a write. Raising the subscriber's epoch revokes all earlier ones.
 * </ul>
 *
 * <p>The subscriber id is a keyed hash ({@link SubscriberIds}); links mailed before it was keyed carry the bare
 * SHA-256 of the address, and still work.
 */
final class NewsletterTokens {

  /** A confirmation token and the hash that is stored in its place. */
  record Confirmation(String token, String hash) {}

  /** What a valid management token names. */
  record Manage(String subscriberId, int epoch) {}

  private static final Pattern EPOCH = Pattern.compile("\\d{1,9}");

  // Keyed once, on first use; each signature works on a clone. Looking the algorithm up and keying it again stood out
  // in the warm path's profile of every request carrying a token (docs/PERFORMANCE.md, "Warm path").
  private final Supplier<Mac> keyed;

  /** @param secret at least 32 characters, read when the first token is signed or checked */
  NewsletterTokens(Secret secret) {
    keyed = secret.derived(value -> {
      if (value == null || value.length() < 32) {
        throw new IllegalStateException("The NEWSLETTER_SECRET_ID secret must be at least 32 characters");
      }
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
      }
    });
  }

  /** Signed with the secret {@code NEWSLETTER_SECRET_ID} names. */
  static NewsletterTokens fromEnvironment() {
    return new NewsletterTokens(Secrets.required("NEWSLETTER_SECRET_ID"));
  }

  Confirmation confirmation(String subscriberId) {
    String secret = SecretTokens.newToken();
    return new Confirmation(subscriberId + "." + secret, SecretTokens.hash(secret));
  }

  /** The subscriber a confirmation token names, if it has the right shape. */
  static Optional<String> confirmationSubscriber(String token) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    return parts.length == 2 && SubscriberIds.isId(parts[0]) ? Optional.of(parts[0]) : Optional.empty();
  }

  /** Whether a confirmation token's secret part matches the stored hash (in constant time). */
  static boolean confirms(String token, String storedHash) {
    return SecretTokens.matches(token.substring(token.indexOf('.') + 1), storedHash);
  }

  String manage(Subscriber subscriber) {
    String payload = subscriber.id() + "." + subscriber.manageEpoch();
    return payload + "." + sign(payload);
  }

  Optional<Manage> verifyManage(String token) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    String[] parts = token.strip().split("\\.");
    if (parts.length != 3 || !SubscriberIds.isId(parts[0]) || !EPOCH.matcher(parts[1]).matches()) {
      return Optional.empty();
    }
    String expected = sign(parts[0] + "." + parts[1]);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        parts[2].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    return Optional.of(new Manage(parts[0], Integer.parseInt(parts[1])));
  }

  private String sign(String payload) {
    try {
      Mac mac = (Mac) keyed.get().clone();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(
          ("manage:" + payload).getBytes(StandardCharsets.UTF_8)));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("The JDK's HmacSHA256 can be cloned", e);
    }
  }
}
