package org.mediaartscities.shared.http;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.mediaartscities.shared.digest.Sha256;
import org.mediaartscities.shared.env.Secret;
import org.mediaartscities.shared.json.Json;

/**
 * Pagination cursors: opaque to the caller, tamper-evident, and valid only for the query that issued them.
 *
 * <p>A cursor is {@code base64url(nonce ‖ AES-256-GCM(json))}: the JSON holds the position to resume after (table
 * keys), encrypted so that clients cannot read the key design and come to depend on it; the query's scope (path and
 * filters) is the authenticated associated data. An edited cursor, or one replayed on another query, fails
 * authentication and is refused with a 400 naming {@code cursor}.
 */
public final class CursorCodec {

  private static final TypeReference<TreeMap<String, String>> POSITION = new TypeReference<>() {};
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int MAX_LENGTH = 2048;

  private final Supplier<SecretKeySpec> key;
  // Replaced after a SnapStart restore: instances restored from one snapshot must not share a nonce sequence.
  private volatile SecureRandom random = new SecureRandom();

  /**
   * @param secret the cursor secret; at least 32 bytes, the same for every instance of the function; read when the
   *     first cursor is made or read
   */
  public CursorCodec(Secret secret) {
    this.key = secret.derived(value -> {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 32) {
        throw new IllegalStateException("The cursor secret must be at least 32 bytes long");
      }
      return new SecretKeySpec(derive(bytes), "AES");
    });
  }

  /**
   * Draws nonces from a new random source from now on. Called after a SnapStart restore: AES-GCM is broken by a
   * nonce used twice under one key, and every instance restored from a snapshot starts with the same state.
   */
  public void refreshRandomness() {
    random = new SecureRandom();
  }

  /** A cursor for resuming after {@code position}, valid for {@code scope} only. */
  public String encode(Map<String, String> position, String scope) {
    byte[] payload = Json.write(new TreeMap<>(position)).getBytes(StandardCharsets.UTF_8);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, scope).doFinal(payload);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The position a cursor carries; a 400 on {@code cursor} if it was not issued for this scope, unchanged. */
  public Map<String, String> decode(String cursor, String scope) {
    if (cursor.length() > MAX_LENGTH) {
      throw invalid();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
        throw invalid();
      }
      byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
      byte[] payload = cipher(Cipher.DECRYPT_MODE, nonce, scope).doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return Json.MAPPER.readValue(payload, POSITION);
    } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
      throw invalid();
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String scope) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(scope.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  // A key of its own for cursors, whatever else the secret is used for: SHA-256 over a label and the secret.
  private static byte[] derive(byte[] secret) {
    MessageDigest digest = Sha256.fresh();
    digest.update("media-arts-cities/cursor/v2".getBytes(StandardCharsets.UTF_8));
    return digest.digest(secret);
  }

  private static ApiException invalid() {
    return ApiException.invalid("cursor", "This cursor is not valid for this list; start again without it.");
  }
}
