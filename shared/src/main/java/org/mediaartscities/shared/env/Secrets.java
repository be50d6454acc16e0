package org.mediaartscities.shared.env;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.json.Json;

/**
 * The function's secrets, from Secrets Manager through the AWS Parameters and Secrets Lambda Extension (a layer that
 * answers on {@code localhost}); the environment holds only each secret's id, so {@code lambda:GetFunctionConfiguration}
 * shows no secret value. Each is read on its first use in a request, since the extension serves none during init
 * ({@link Secret}); a missing id is still a start-up error.
 *
 * <p>A plain {@link HttpURLConnection} to the extension keeps a Secrets Manager client (and its signing) off the cold
 * path. Locally, the deployment of template.yaml answers the same requests from its stand-in secrets.
 */
public final class Secrets {

  /** The extension's port when {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT} is not set. */
  static final String DEFAULT_PORT = "2773";
  private static final int TIMEOUT_MILLIS = 3000;
  /** The extension may still be starting on a cold start's first request: a refused connection is tried again. */
  private static final int ATTEMPTS = 5;

  private Secrets() {}

  /** The secret whose id (ARN or name) {@code idVariable} holds, read on first use; an unset variable stops init. */
  public static Secret required(String idVariable) {
    return lazily(Env.required(idVariable), idVariable);
  }

  /** The same, or empty when the variable is not set (the feature it keys is off). */
  public static Optional<Secret> optional(String idVariable) {
    return Env.optional(idVariable).map(id -> lazily(id, idVariable));
  }

  // The local dev server binds a handler's variables only while constructing it: the read, later, binds them again.
  private static Secret lazily(String secretId, String idVariable) {
    Map<String, String> scoped = Env.SCOPED.isBound() ? Env.SCOPED.get() : null;
    return Secret.readOnFirstUse(scoped == null ? () -> read(secretId, idVariable)
        : () -> ScopedValue.where(Env.SCOPED, scoped).call(() -> read(secretId, idVariable)));
  }

  private static String read(String secretId, String idVariable) {
    String port = Env.optional("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT").orElse(DEFAULT_PORT);
    URI uri = URI.create("http://localhost:" + port + "/secretsmanager/get?secretId="
        + URLEncoder.encode(secretId, StandardCharsets.UTF_8));
    String token = extensionToken();
    for (int attempt = 1; ; attempt++) {
      try {
        return fetch(uri, token, idVariable);
      } catch (ConnectException e) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("Cannot read the secret of " + idVariable + ": nothing answers on port "
              + port + " (is the Parameters and Secrets extension layer attached?)", e);
        }
        pause(attempt);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the secret of " + idVariable + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The token the extension asks for in {@code X-Aws-Parameters-Secrets-Token}: the session token, which Lambda sets
   * only without SnapStart. With SnapStart (our default) it sets none of the key variables, lest the snapshot keep
   * them, and gives the container credentials' token instead, which the extension takes in its place
   * (docs/SECURITY.md, "Known limits").
   */
  static String extensionToken() {
    return Env.optional("AWS_SESSION_TOKEN").or(() -> Env.optional("AWS_CONTAINER_AUTHORIZATION_TOKEN"))
        .orElseThrow(() -> new IllegalStateException("Neither AWS_SESSION_TOKEN nor "
            + "AWS_CONTAINER_AUTHORIZATION_TOKEN is set: the secrets extension needs one of them"));
  }

  private static String fetch(URI uri, String token, String idVariable) throws IOException {
    var connection = (HttpURLConnection) uri.toURL().openConnection();
    try {
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      connection.setRequestProperty("X-Aws-Parameters-Secrets-Token", token);
      int status = connection.getResponseCode();
      if (status != 200) {
        // The extension's error body names the secret and the cause (not found, access denied); never a value.
        String detail;
        try (InputStream error = connection.getErrorStream()) {
          detail = error == null ? "" : new String(error.readNBytes(500), StandardCharsets.UTF_8).strip();
        }
        throw new IllegalStateException("Cannot read the secret of " + idVariable + ": HTTP " + status
            + (detail.isEmpty() ? "" : " " + detail));
      }
      JsonNode answer;
      try (InputStream body = connection.getInputStream()) {
        answer = Json.MAPPER.readTree(body);
      }
      JsonNode value = answer.get("SecretString");
      if (value == null || !value.isTextual() || value.asText().isEmpty()) {
        throw new IllegalStateException("The secret of " + idVariable + " has no text value (SecretString)");
      }
      return value.asText();
    } finally {
      connection.disconnect();
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the secrets extension", e);
    }
  }
}
