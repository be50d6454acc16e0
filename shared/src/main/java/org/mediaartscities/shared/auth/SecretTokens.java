package org.mediaartscities.shared.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.mediaartscities.shared.digest.Sha256;

/** Secret access tokens (256 random bits) and the hashes that are stored in their place. */
public final class SecretTokens {

  // Replaced after a SnapStart restore, as every random source held since the function's init (Priming).
  private static volatile SecureRandom random = new SecureRandom();

  private SecretTokens() {}

  /** Draws tokens from a new random source from now on: after a SnapStart restore, no two instances share one. */
  public static void refreshRandomness() {
    random = new SecureRandom();
  }

  public static String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String value) {
    return HexFormat.of().formatHex(Sha256.of(value));
  }

  /** An email address as a key: case-insensitive, and not readable in the table. */
  public static String emailHash(String email) {
    return hash(email.strip().toLowerCase(Locale.ROOT));
  }

  /** Constant-time comparison of a presented token with a stored hash. */
  public static boolean matches(String token, String storedHash) {
    return token != null && storedHash != null && MessageDigest.isEqual(
        hash(token).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
