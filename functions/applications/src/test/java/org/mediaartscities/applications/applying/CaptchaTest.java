package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.local.lambda.ApiEvents;

/** With a Turnstile secret configured, a new application needs a token Cloudflare accepts (a stand-in here). */
class CaptchaTest {

  private static ApplicationsTestBed bed;
  private static HttpServer siteverify;
  private static ApplicationsHandler handler;
  private static String open;

  @BeforeAll
  static void deploy() throws Exception {
    // The secret comes as on AWS: the CaptchaSecret parameter, stored as a secret, read through the extension.
    bed = new ApplicationsTestBed(CaptchaTest.class, Map.of("CaptchaSecret", "test-secret"));
    open = bed.call(CallStatus.OPEN);
    siteverify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    siteverify.createContext("/siteverify", exchange -> {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      byte[] body = ("{\"success\": " + (form.startsWith("secret=test-secret&") && form.endsWith("response=human"))
          + "}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    siteverify.start();
    handler = ApplyingHandlers.with(bed, Map.of("CAPTCHA_VERIFY_URL",
        "http://127.0.0.1:" + siteverify.getAddress().getPort() + "/siteverify"));
  }

  @AfterAll
  static void stop() {
    siteverify.stop(0);
  }

  @Test
  void aVerifiedVisitorAppliesAndABotIsRefusedWithNothingStoredOrMailed() {
    var human = apply("captcha.human@example.org", "human");
    assertThat(human.getStatusCode()).as(human.getBody()).isEqualTo(201);

    for (String token : new String[] {"robot", null}) {
      var bot = apply("captcha.bot@example.org", token);
      assertThat(bot.getStatusCode()).isEqualTo(400);
      assertThat(json(bot).get("error").get("field").asText()).isEqualTo("captchaToken");
    }
    assertThat(bed.mailsTo("captcha.bot@example.org")).isEmpty();
    // Nothing was reserved for that address: it can still apply once verified.
    assertThat(apply("captcha.bot@example.org", "human").getStatusCode()).isEqualTo(201);
  }

  private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse apply(String email,
      String token) {
    String body = "{\"name\": \"Rui Costa\", \"email\": \"" + email + "\"" + (token == null ? ""
        : ", \"captchaToken\": \"" + token + "\"") + "}";
    return ApplicationsTestBed.invoke(handler, ApiEvents.request(null, "POST /calls/{slug}/applications",
        "/calls/" + open + "/applications", body));
  }
}
