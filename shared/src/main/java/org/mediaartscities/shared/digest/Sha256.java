package org.mediaartscities.shared.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, the one hash of this backend: ETags, token and address hashes, key derivation. */
public final class Sha256 {

  // Looking the algorithm up among the security providers costs more than hashing a short text, on every request
  // that hashes (measured on the warm path, docs/PERFORMANCE.md); a copy of one instance skips the look-up. It holds
  // no secret and no random state, so it may be in a SnapStart snapshot.
  private static final MessageDigest PROTOTYPE = newDigest();

  private Sha256() {}

  public static byte[] of(byte[] input) {
    return fresh().digest(input);
  }

  /** The digest of a text's UTF-8 bytes. */
  public static byte[] of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A digest to feed in parts ({@code update}, then {@code digest}). */
  public static MessageDigest fresh() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return newDigest(); // a provider whose SHA-256 cannot be copied: look it up each time
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
