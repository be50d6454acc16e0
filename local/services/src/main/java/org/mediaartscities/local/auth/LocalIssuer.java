package org.mediaartscities.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Plays Cognito locally: an RSA key that signs ID tokens, and its public JWKS. The key is generated on first use
 * and kept in the local data folder (owner-only), so tokens survive a restart of the dev server. Never used in
 * AWS; tokens and keys are never logged.
 */
public final class LocalIssuer {

  private final RSAKey key;

  private LocalIssuer(RSAKey key) {
    this.key = key;
  }

  /** @param file where the key persists, or null to keep it in memory */
  public static LocalIssuer load(Path file) {
    try {
      if (file != null && Files.exists(file)) {
        return new LocalIssuer(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
      }
      RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
          .keyID(UUID.randomUUID().toString()).generate();
      if (file != null) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the data folder's own permissions apply
        }
      }
      return new LocalIssuer(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException | ParseException e) {
      throw new IllegalStateException("Cannot load or make the local signing key " + file + ": " + e.getMessage(), e);
    }
  }

  /** The public keys, as Cognito publishes them at {@code /.well-known/jwks.json}. */
  public String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** A signed RS256 token with these claims. */
  public String issue(JWTClaimsSet claims) {
    try {
      var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing failed", e);
    }
  }

  /** The token's claims if its signature is this issuer's; empty for anything else (malformed, other key). */
  public Optional<JWTClaimsSet> verifySignature(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new RSASSAVerifier(key))) {
        return Optional.empty();
      }
      return Optional.of(jwt.getJWTClaimsSet());
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }

  /** Claims as API Gateway hands them to a function: strings, with arrays as {@code "[a b]"}. */
  public static Map<String, String> flatten(JWTClaimsSet claims) {
    var flat = new java.util.LinkedHashMap<String, String>();
    claims.getClaims().forEach((name, value) -> {
      if (value instanceof java.util.Collection<?> values) {
        flat.put(name, "[" + String.join(" ", values.stream().map(String::valueOf).toList()) + "]");
      } else if (value instanceof java.util.Date date) {
        flat.put(name, Long.toString(date.toInstant().getEpochSecond()));
      } else {
        flat.put(name, String.valueOf(value));
      }
    });
    return flat;
  }
}
