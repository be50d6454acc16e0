package org.mediaartscities.shared.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.env.Secret;
import org.mediaartscities.shared.http.ApiException;

/**
 * Against a stand-in for Cloudflare's siteverify endpoint on loopback (Cloudflare itself is out of reach here): the
 * token "good" passes, any other fails, "down" answers 503.
 */
class TurnstileTest {

  private static HttpServer siteverify;
  private static final AtomicReference<String> lastForm = new AtomicReference<>();

  @BeforeAll
  static void start() throws Exception {
    siteverify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    siteverify.createContext("/siteverify", exchange -> {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      lastForm.set(form);
      boolean down = form.contains("response=down");
      byte[] body = ("{\"success\": " + form.contains("response=good") + ", \"error-codes\": []}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(down ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    siteverify.start();
  }

  @AfterAll
  static void stop() {
    siteverify.stop(0);
  }

  private static Turnstile withSecret(String secret) {
    return new Turnstile(Optional.of(Secret.of(secret)), URI.create("http://127.0.0.1:"
        + siteverify.getAddress().getPort() + "/siteverify"));
  }

  @Test
  void aGoodTokenPassesAndTheSecretIsSentWithIt() {
    assertThatCode(() -> withSecret("s3cret").verify("good")).doesNotThrowAnyException();
    assertThat(lastForm.get()).isEqualTo("secret=s3cret&response=good");
  }

  @Test
  void aRefusedOrMissingTokenIsA400NamingTheField() {
    for (String token : new String[] {"forged", "", null}) {
      assertThatThrownBy(() -> withSecret("s3cret").verify(token)).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.field()).isEqualTo("captchaToken");
      });
    }
  }

  @Test
  void cloudflareBeingDownDoesNotLockApplicantsOut() {
    assertThatCode(() -> withSecret("s3cret").verify("down")).doesNotThrowAnyException();
    var unreachable = new Turnstile(Optional.of(Secret.of("s3cret")), URI.create("http://127.0.0.1:1/siteverify"));
    assertThatCode(() -> unreachable.verify("anything")).doesNotThrowAnyException();
  }

  @Test
  void aBlankSecretIsNoCaptchaRatherThanARefusalOfEveryone() {
    assertThatCode(() -> withSecret("  ").verify(null)).doesNotThrowAnyException();
  }

  @Test
  void withoutASecretThereIsNoCaptcha() {
    Turnstile none = new Turnstile(Optional.empty(), URI.create("http://127.0.0.1:1/siteverify"));
    assertThat(none.enabled()).isFalse();
    assertThatCode(() -> none.verify(null)).doesNotThrowAnyException();
  }
}
