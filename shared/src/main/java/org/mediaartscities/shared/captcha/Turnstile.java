package org.mediaartscities.shared.captcha;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.env.Secret;
import org.mediaartscities.shared.env.Secrets;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.json.Json;

/**
 * Verifies a Cloudflare Turnstile token with Cloudflare's siteverify API, when a secret is configured.
 *
 * <p>Without a secret it accepts everything: the honeypot and API Gateway's throttling still apply. When
 * Cloudflare cannot be reached in time the request is accepted too (and logged): an outage of a third party must
 * not lock artists out in the last hours before a deadline. A token Cloudflare refuses is a 400.
 */
public final class Turnstile {

  public static final String FIELD = "captchaToken";
  private static final String SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Optional<Secret> secret;
  private final URI verifyUrl;
  private HttpClient http;

  /** @param secret the site's secret key, read on the first verification; empty: no captcha */
  public Turnstile(Optional<Secret> secret, URI verifyUrl) {
    this.secret = secret;
    this.verifyUrl = verifyUrl;
  }

  /** The secret {@code CAPTCHA_SECRET_ID} names (unset: no captcha) and, for tests, {@code CAPTCHA_VERIFY_URL}. */
  public static Turnstile fromEnvironment() {
    return new Turnstile(Secrets.optional("CAPTCHA_SECRET_ID"),
        URI.create(Env.optional("CAPTCHA_VERIFY_URL").orElse(SITEVERIFY)));
  }

  public boolean enabled() {
    return secret.isPresent();
  }

  /** Returns when the token is good (or no captcha is configured); throws a 400 naming {@value #FIELD}. */
  public void verify(String token) {
    if (!enabled()) {
      return;
    }
    String key = secret.orElseThrow().value().strip();
    if (key.isEmpty()) {
      return; // a blank secret (edited in Secrets Manager) is no captcha, as an empty parameter is
    }
    if (token == null || token.isBlank() || token.length() > 2048) {
      throw ApiException.invalid(FIELD, "Please complete the check that you are not a robot.");
    }
    String form = "secret=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&response="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
    HttpResponse<String> response;
    try {
      response = client().send(HttpRequest.newBuilder(verifyUrl).timeout(TIMEOUT)
          .header("content-type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      System.err.println("Captcha verification unavailable (" + e.getClass().getSimpleName() + "); accepted");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (response.statusCode() >= 500) {
      System.err.println("Captcha verification unavailable (HTTP " + response.statusCode() + "); accepted");
      return;
    }
    if (!succeeded(response.body())) {
      throw ApiException.invalid(FIELD, "The check that you are not a robot failed or expired; please do it again.");
    }
  }

  private static boolean succeeded(String body) {
    try {
      JsonNode result = Json.MAPPER.readTree(body);
      return result != null && result.path("success").asBoolean(false);
    } catch (IOException e) {
      return false;
    }
  }

  private synchronized HttpClient client() {
    if (http == null) { // built on first use: most deployments have no captcha and pay nothing at cold start
      http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }
    return http;
  }
}
