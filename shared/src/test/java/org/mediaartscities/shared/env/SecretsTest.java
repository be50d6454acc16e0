package org.mediaartscities.shared.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reader against a stand-in of the Parameters and Secrets extension's HTTP interface. */
class SecretsTest {

  private static final String TOKEN = "session-token";
  private static final String CURSOR_ARN = "arn:aws:secretsmanager:eu-west-3:123456789012:secret:Cursor-AbCdEf";
  private static final Map<String, String> STORED = Map.of(CURSOR_ARN, "cursor-value");
  private static final Map<String, String> ASKED = new ConcurrentHashMap<>();
  private static final AtomicInteger READS = new AtomicInteger();
  /** The extension as it is during init: it answers every request "not ready". */
  private static final AtomicBoolean NOT_READY = new AtomicBoolean();
  private static HttpServer extension;

  @BeforeAll
  static void start() throws IOException {
    extension = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    extension.createContext("/secretsmanager/get", exchange -> {
      READS.incrementAndGet();
      if (NOT_READY.get()) {
        byte[] body = "not ready to serve traffic, please wait".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(400, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      String id = URLDecoder.decode(query.substring(query.indexOf("secretId=") + "secretId=".length()),
          StandardCharsets.UTF_8);
      ASKED.put(id, String.valueOf(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token")));
      String value = STORED.get(id);
      int status = value == null ? 400 : 200;
      byte[] body = (value == null ? "ResourceNotFoundException: Secrets Manager can't find the specified secret."
          : "{\"ARN\":\"" + id + "\",\"Name\":\"Cursor\",\"SecretString\":\"" + value + "\",\"VersionId\":\"v1\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    extension.start();
  }

  @AfterAll
  static void stop() {
    extension.stop(0);
  }

  private static Map<String, String> environment(int port, String idVariable, String id) {
    return Map.of("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(port), "AWS_SESSION_TOKEN", TOKEN,
        idVariable, id);
  }

  @Test
  void readsTheSecretTheVariableNamesThroughTheExtensionWithTheSessionToken() {
    var env = environment(extension.getAddress().getPort(), "CURSOR_SECRET_ID", CURSOR_ARN);

    String value = ScopedValue.where(Env.SCOPED, env).call(() -> Secrets.required("CURSOR_SECRET_ID")).value();

    assertThat(value).isEqualTo("cursor-value");
    assertThat(ASKED).containsEntry(CURSOR_ARN, TOKEN);
  }

  @Test
  void underSnapStartTheContainerTokenStandsInForTheSessionTokenLambdaDoesNotSet() {
    String arn = CURSOR_ARN;
    var env = Map.of("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(extension.getAddress().getPort()),
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-token", "CURSOR_SECRET_ID", arn);
    ASKED.remove(arn);

    String value = ScopedValue.where(Env.SCOPED, env).call(() -> Secrets.required("CURSOR_SECRET_ID")).value();

    assertThat(value).isEqualTo("cursor-value");
    assertThat(ASKED).containsEntry(arn, "container-token");
  }

  @Test
  void withNeitherTokenTheFirstUseFailsNamingBoth() {
    var env = Map.of("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(extension.getAddress().getPort()),
        "CURSOR_SECRET_ID", CURSOR_ARN);

    assertThatThrownBy(() -> ScopedValue.where(Env.SCOPED, env).call(() -> Secrets.required("CURSOR_SECRET_ID"))
        .value()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AWS_SESSION_TOKEN").hasMessageContaining("AWS_CONTAINER_AUTHORIZATION_TOKEN");
  }

  @Test
  void aSecretTheExtensionCannotReadFailsItsFirstUseNamingTheVariableButNoValue() {
    var env = environment(extension.getAddress().getPort(), "CURSOR_SECRET_ID", "arn:aws:secretsmanager:gone");

    assertThatThrownBy(() -> ScopedValue.where(Env.SCOPED, env).call(() -> Secrets.required("CURSOR_SECRET_ID"))
        .value()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CURSOR_SECRET_ID").hasMessageContaining("HTTP 400")
        .hasMessageContaining("can't find the specified secret");
  }

  @Test
  void nothingIsReadAtInitAndTheValueReadOnFirstUseIsKept() {
    var env = environment(extension.getAddress().getPort(), "CURSOR_SECRET_ID", CURSOR_ARN);
    int before = READS.get();

    Secret secret = ScopedValue.where(Env.SCOPED, env).call(() -> Secrets.required("CURSOR_SECRET_ID"));
    assertThat(READS).as("at init").hasValue(before);

    assertThat(secret.value()).isEqualTo("cursor-value");
    assertThat(secret.value()).isEqualTo("cursor-value");
    assertThat(secret.derived(String::length).get()).isEqualTo(12);
    assertThat(READS).as("once, on first use").hasValue(before + 1);
  }

  @Test
  void aReadTheExtensionIsNotReadyForIsNotKeptTheNextUseReadsAgain() {
    var env = environment(extension.getAddress().getPort(), "CURSOR_SECRET_ID", CURSOR_ARN);
    Secret secret = ScopedValue.where(Env.SCOPED, env).call(() -> Secrets.required("CURSOR_SECRET_ID"));
    var length = secret.derived(String::length);

    NOT_READY.set(true);
    try {
      assertThatThrownBy(secret::value).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("CURSOR_SECRET_ID").hasMessageContaining("not ready to serve traffic");
      assertThatThrownBy(length::get).isInstanceOf(IllegalStateException.class);
    } finally {
      NOT_READY.set(false);
    }

    assertThat(length.get()).isEqualTo(12);
    assertThat(secret.value()).isEqualTo("cursor-value");
  }

  @Test
  void anUnsetIdIsAStartUpErrorForARequiredSecretAndTurnsAnOptionalOneOff() {
    var env = Map.of("AWS_SESSION_TOKEN", TOKEN, "CAPTCHA_SECRET_ID", "");

    assertThatThrownBy(() -> ScopedValue.where(Env.SCOPED, env).call(() -> Secrets.required("CURSOR_SECRET_ID")))
        .hasMessageContaining("CURSOR_SECRET_ID is not set");
    assertThat(ScopedValue.where(Env.SCOPED, env).call(() -> Secrets.optional("CAPTCHA_SECRET_ID"))).isEmpty();
  }

  @Test
  void noExtensionListeningIsReportedAsAMissingLayer() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var env = environment(closedPort, "CURSOR_SECRET_ID", CURSOR_ARN);

    assertThatThrownBy(() -> ScopedValue.where(Env.SCOPED, env).call(() -> Secrets.required("CURSOR_SECRET_ID"))
        .value()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CURSOR_SECRET_ID").hasMessageContaining("extension layer");
  }
}
