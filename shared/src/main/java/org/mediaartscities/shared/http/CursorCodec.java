package org.mediaartscities.shared.http;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mediaartscities.shared.json.Json;

/**
 * Pagination cursors: opaque to the caller, tamper-evident, and valid only for the query that issued them.
 *
 * <p>A cursor is {@code base64url(json) "." base64url(mac)}, where the JSON holds the position to resume after
 * and the MAC (HMAC-SHA-256, truncated to 128 bits) covers the position and the query's scope (path and
 * filters). An edited cursor, or one replayed on another query, is refused with a 400 naming
 * {@code cursor}.
 */
public final class CursorCodec {

  private static final TypeReference<TreeMap<String, String>> POSITION = new TypeReference<>() {};
  private static final int MAC_BYTES = 16;

  private final SecretKeySpec key;

  /** @param secret the signing secret; at least 32 bytes, the same for every instance of the function */
  public CursorCodec(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 32) {
      throw new IllegalStateException("The cursor secret must be at least 32 bytes long");
    }
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  /** A cursor for resuming after {@code position}, valid for {@code scope} only. */
  public String encode(Map<String, String> position, String scope) {
    byte[] payload = Json.write(new TreeMap<>(position)).getBytes(StandardCharsets.UTF_8);
    var base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString(payload) + "." + base64.encodeToString(mac(payload, scope));
  }

  /** The position a cursor carries; a 400 on {@code cursor} if it was not issued for this scope, unchanged. */
  public Map<String, String> decode(String cursor, String scope) {
    int dot = cursor.indexOf('.');
    try {
      if (dot < 0 || cursor.length() > 2048) {
        throw invalid();
      }
      var base64 = Base64.getUrlDecoder();
      byte[] payload = base64.decode(cursor.substring(0, dot));
      byte[] mac = base64.decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(mac, mac(payload, scope))) {
        throw invalid();
      }
      return Json.MAPPER.readValue(payload, POSITION);
    } catch (IllegalArgumentException | IOException e) {
      throw invalid();
    }
  }

  private byte[] mac(byte[] payload, String scope) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(scope.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static ApiException invalid() {
    return ApiException.invalid("cursor", "This cursor is not valid for this list; start again without it.");
  }
}
