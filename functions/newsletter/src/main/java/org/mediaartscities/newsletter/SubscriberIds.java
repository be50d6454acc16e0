package org.mediaartscities.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
 * Subscriber ids: a keyed hash of the address, so that an id (in a table row, or in the token of a forwarded email)
 * cannot be turned back into its address by hashing a list of addresses.
 *
 * <p>The first rows and links used the bare SHA-256 of the address (64 hex digits, "legacy" ids). The current id is
 * {@code base64url(HMAC-SHA-256(key, legacy id))} (43 characters), a function of the legacy id: a link already mailed
 * with a legacy id still finds its subscriber, and a legacy row moves to its current id on first use
 * ({@link SubscriberStore#resolve}).
 */
final class SubscriberIds {

  private static final Pattern LEGACY = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern CURRENT = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Where a subscriber is, or was, stored: its current id and, for an address or an old link, its legacy id. */
  record Lookup(String current, Optional<String> legacy) {}

  private final Supplier<SecretKeySpec> key;

  /** @param secret at least 32 characters, read when the first id is made */
  SubscriberIds(Secret secret) {
    this.key = secret.derived(value -> {
      if (value == null || value.length() < 32) {
        throw new IllegalStateException("The NEWSLETTER_ADDRESS_KEY_ID secret must be at least 32 characters");
      }
      return new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    });
  }

  /** Keyed with the secret {@code NEWSLETTER_ADDRESS_KEY_ID} names. */
  static SubscriberIds fromEnvironment() {
    return new SubscriberIds(Secrets.required("NEWSLETTER_ADDRESS_KEY_ID"));
  }

  /** Whether a string has the shape of a subscriber id, current or legacy. */
  static boolean isId(String id) {
    return id != null && (CURRENT.matcher(id).matches() || LEGACY.matcher(id).matches());
  }

  /** An address's id, and the legacy id it may still be stored under. */
  Lookup ofAddress(String email) {
    String legacy = SecretTokens.emailHash(email);
    return new Lookup(keyed(legacy), Optional.of(legacy));
  }

  /** The id a token or a queued batch names: a current one as it is, a legacy one with its current id. */
  Lookup of(String id) {
    return LEGACY.matcher(id).matches() ? new Lookup(keyed(id), Optional.of(id)) : new Lookup(id, Optional.empty());
  }

  private String keyed(String legacy) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key.get());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(
          ("subscriber:" + legacy).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
