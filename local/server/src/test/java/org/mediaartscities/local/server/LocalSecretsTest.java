package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * Locally, functions read their secrets as on Lambda: through the Parameters and Secrets extension (played by the
 * deployment), with only the secrets' ids in their environment.
 */
class LocalSecretsTest {

  private static LocalDeployment deployment;

  /** Names the resources of a second deployment, with the template's default parameters. */
  private static final class WithoutCaptcha {}

  @BeforeAll
  static void deploy() {
    deployment = LocalDeployment.forTests(LocalSecretsTest.class, Map.of("CaptchaSecret", "turnstile-test-secret"));
  }

  private static List<String> functions() {
    return deployment.template().resourcesOfType("AWS::Serverless::Function");
  }

  private static List<String> secretValues() {
    return deployment.template().resourcesOfType("AWS::SecretsManager::Secret").stream()
        .map(id -> deployment.resolver().secretValue(id).orElseThrow()).toList();
  }

  @Test
  void noFunctionEnvironmentHoldsASecretValue() {
    List<String> secrets = secretValues();
    assertThat(secrets).hasSizeGreaterThanOrEqualTo(4).contains("turnstile-test-secret");
    assertThat(functions()).isNotEmpty();
    for (String function : functions()) {
      assertThat(deployment.functions().environment(function).values()).as(function)
          .noneMatch(value -> secrets.stream().anyMatch(value::contains));
    }
  }

  @Test
  void onlyTheFunctionsThatAttachTheExtensionLayerReachIt() {
    List<String> withLayer = functions().stream()
        .filter(f -> deployment.template().functionProperties(f).get("Layers") != null).toList();
    assertThat(withLayer).contains("ContentFunction", "AdminFunction", "SelectionFunction", "ApplicationsFunction",
        "NewsletterFunction", "DigestSenderFunction", "MailEventsFunction");
    for (String function : functions()) {
      boolean reaches = deployment.functions().environment(function)
          .containsKey("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT");
      assertThat(reaches).as(function).isEqualTo(withLayer.contains(function));
    }
  }

  @Test
  void theExtensionAnswersASecretByItsIdOnlyWithTheSessionToken() throws Exception {
    Map<String, String> env = deployment.functions().environment("ContentFunction");
    String id = env.get("CURSOR_SECRET_ID");
    assertThat(id).startsWith("arn:aws:secretsmanager:");
    String url = "http://127.0.0.1:" + env.get("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT")
        + "/secretsmanager/get?secretId=";

    var withToken = get(url + id, env.get("AWS_SESSION_TOKEN"));
    var withoutToken = get(url + id, null);
    var wrongToken = get(url + id, "not-the-token");
    var unknown = get(url + "NoSuchSecret", env.get("AWS_SESSION_TOKEN"));

    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(withToken.body()).contains("\"SecretString\":\"" + deployment.resolver().secretValue(id).orElseThrow());
    assertThat(withoutToken.statusCode()).isEqualTo(401);
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("can't find the specified secret");
  }

  @Test
  void duringAFunctionsInitTheExtensionAnswersItNotReadyAndOthersAsUsual() throws Exception {
    Map<String, String> content = deployment.functions().environment("ContentFunction");
    Map<String, String> admin = deployment.functions().environment("AdminFunction");
    String id = content.get("CURSOR_SECRET_ID");
    String url = "http://127.0.0.1:" + content.get("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT")
        + "/secretsmanager/get?secretId=" + id;
    assertThat(content.get("AWS_SESSION_TOKEN")).isNotEqualTo(admin.get("AWS_SESSION_TOKEN"));

    var during = deployment.functions().duringInit("ContentFunction", () -> List.of(
        send(url, content.get("AWS_SESSION_TOKEN")), send(url, admin.get("AWS_SESSION_TOKEN"))));

    assertThat(during.get(0).statusCode()).isEqualTo(400);
    assertThat(during.get(0).body()).isEqualTo("not ready to serve traffic, please wait");
    assertThat(during.get(1).statusCode()).isEqualTo(200);
    assertThat(get(url, content.get("AWS_SESSION_TOKEN")).statusCode()).as("after its init").isEqualTo(200);
  }

  /**
   * Every function that reads secrets starts and primes, at init (on-demand) and before a snapshot (SnapStart), while
   * the extension answers "not ready": none reads a secret before its first request, as none could on Lambda.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ContentFunction", "AdminFunction", "SelectionFunction", "ApplicationsFunction",
      "NewsletterFunction", "DigestSenderFunction", "MailEventsFunction"})
  void everyFunctionStartsAndPrimesWithoutReadingASecret(String function) throws Exception {
    var constructor = Class.forName(deployment.template().handlerClass(function)).getConstructor();

    Priming priming = deployment.functions().duringInit(function, Map.of("AWS_LAMBDA_INITIALIZATION_TYPE",
        "on-demand"), () -> {
          Priming primed = primingOf(construct(constructor));
          assertThat(primed.failure()).as("priming at init").isNull();
          primed.beforeCheckpoint(null);
          return primed;
        });

    assertThat(priming.failure()).as("priming before a snapshot").isNull();
  }

  private static Object construct(java.lang.reflect.Constructor<?> constructor) {
    try {
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("the handler could not start during its init: " + e.getCause(), e);
    }
  }

  // Each handler keeps its priming in a field (the runtime's CRaC context holds resources weakly).
  private static Priming primingOf(Object handler) {
    for (Field field : handler.getClass().getDeclaredFields()) {
      if (Priming.class.isAssignableFrom(field.getType())) {
        field.setAccessible(true);
        try {
          return (Priming) field.get(handler);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError(handler.getClass() + " keeps no priming");
  }

  @Test
  void aCaptchaSecretIsServedOnlyWhenTheParameterIsSet() {
    var withoutCaptcha = LocalDeployment.forTests(WithoutCaptcha.class);

    assertThat(withoutCaptcha.resolver().secretValue("TurnstileSecret")).isEmpty();
    assertThat(withoutCaptcha.functions().environment("ApplicationsFunction").get("CAPTCHA_SECRET_ID")).isEmpty();
    assertThat(deployment.functions().environment("ApplicationsFunction").get("CAPTCHA_SECRET_ID"))
        .endsWith(":secret:TurnstileSecret");
  }

  private static HttpResponse<String> send(String url, String token) {
    try {
      return get(url, token);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("X-Aws-Parameters-Secrets-Token", token);
    }
    try (var http = HttpClient.newHttpClient()) {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
