package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.LocalDeployment;

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
  void aCaptchaSecretIsServedOnlyWhenTheParameterIsSet() {
    var withoutCaptcha = LocalDeployment.forTests(WithoutCaptcha.class);

    assertThat(withoutCaptcha.resolver().secretValue("TurnstileSecret")).isEmpty();
    assertThat(withoutCaptcha.functions().environment("ApplicationsFunction").get("CAPTCHA_SECRET_ID")).isEmpty();
    assertThat(deployment.functions().environment("ApplicationsFunction").get("CAPTCHA_SECRET_ID"))
        .endsWith(":secret:TurnstileSecret");
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
