package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.template.LambdaArtifacts;
import org.mediaartscities.local.template.LocalSecrets;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.TemplateLoader;

/**
 * Each function's Lambda jar, alone, sends one request with each AWS client it holds, without an endpoint override
 * and with the credentials of a SnapStart function (the container credentials' endpoint, no key variables), as it
 * does on Lambda ({@link AwsReachProbe}). Locally every endpoint is overridden, so the module tests and
 * {@link LambdaArtifactsIT} never take the path that resolves a real AWS endpoint; this does, and so proves that
 * what the jars leave out of the SDK (the pom's filters, ProGuard's shrinking) is not on that path. The same requests
 * sent to the local services prove that each jar reads their answers and errors back.
 */
class AwsClientsReachAwsIT {

  private static final Template TEMPLATE = TemplateLoader.load(RepoPaths.template());
  private static final String CONTAINER_TOKEN = "probe-container-token";
  /**
   * The clients whose operations each jar keeps, its module's code calling them (not only its handler's): each must
   * be reached. Another client's class may be in the jar with none of its operations (reported UNUSED).
   */
  private static final Map<String, List<String>> CALLS = Map.ofEntries(
      Map.entry("ContentFunction", List.of("dynamodb")),
      Map.entry("AdminFunction", List.of("dynamodb", "s3", "s3-presigner")),
      Map.entry("MediaFunction", List.of("dynamodb", "s3")),
      Map.entry("ApplicationsFunction", List.of("dynamodb", "s3", "s3-presigner", "sesv2")),
      Map.entry("SelectionFunction", List.of("dynamodb", "s3", "s3-presigner", "sqs", "sesv2")),
      Map.entry("ApplicationFilesFunction", List.of("dynamodb", "s3", "s3-presigner")),
      Map.entry("ApplicationExportsFunction", List.of("dynamodb", "s3", "s3-presigner", "sqs")),
      Map.entry("NewsletterFunction", List.of("dynamodb", "s3", "sesv2")),
      Map.entry("DigestPlannerFunction", List.of("dynamodb", "s3", "sqs")),
      Map.entry("DigestSenderFunction", List.of("dynamodb", "s3", "sesv2")),
      Map.entry("MailEventsFunction", List.of("dynamodb")));
  private static final AtomicInteger CREDENTIALS_ASKED = new AtomicInteger();
  private static HttpServer credentials;
  private static LocalAws aws;
  private static LocalDeployment deployment;

  /** Plays Lambda's container credentials endpoint, which a SnapStart function's SDK asks for its role's keys. */
  @BeforeAll
  static void startCredentials() throws IOException {
    credentials = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    credentials.createContext("/credentials", exchange -> {
      boolean authorised = CONTAINER_TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"));
      CREDENTIALS_ASKED.incrementAndGet();
      byte[] body = (authorised ? "{\"AccessKeyId\":\"ASIAPROBE\",\"SecretAccessKey\":\"probe-secret\","
          + "\"Token\":\"probe-session\",\"Expiration\":\"2099-01-01T00:00:00Z\"}" : "{}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    credentials.start();
  }

  @AfterAll
  static void stopCredentials() {
    credentials.stop(0);
  }

  static List<String> functions() {
    return TEMPLATE.resourcesOfType(Template.FUNCTION);
  }

  private static String codeSource(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  @BeforeAll
  static void deployLocally() {
    aws = LocalAws.start(null);
    deployment = LocalDeployment.deploy(RepoPaths.template(), aws, Map.of(), new LocalSecrets(null), "");
    // The probe's bucket exists, so that a put is answered: to a missing bucket, S3's refusal (before the body it
    // waited for with Expect: 100-continue) can break the upload off mid-write instead of being read back.
    aws.clients().s3().createBucket(request -> request.bucket("probe-bucket"));
  }

  @AfterAll
  static void stopLocally() {
    aws.close();
  }

  @ParameterizedTest
  @MethodSource("functions")
  void everyClientInTheJarReachesItsAwsEndpoint(String function, @TempDir Path dir) throws Exception {
    // Every host look-up fails at once: nothing leaves the machine, and the failure says which host was asked for.
    Path hosts = Files.createFile(dir.resolve("hosts"));
    int asked = CREDENTIALS_ASKED.get();
    String output = probe(function, Map.of("AWS_REGION", "eu-west-3", "HOME", dir.toString(),
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + credentials.getAddress().getPort()
            + "/credentials",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", CONTAINER_TOKEN), "-Djdk.net.hosts.file=" + hosts);

    assertThat(output).contains("REACHED dynamodb dynamodb.eu-west-3.amazonaws.com");
    assertThat(CREDENTIALS_ASKED.get()).as(function + " asked for the container credentials").isGreaterThan(asked);
    for (String line : output.lines().filter(line -> line.startsWith("REACHED ")).toList()) {
      assertThat(line).as(function).endsWith(".amazonaws.com");
    }
    for (String client : CALLS.get(function)) {
      assertThat(output).as(function + " calls " + client).containsPattern("(?m)^REACHED " + client + " ");
    }
  }

  /**
   * The same requests, sent to the local services (the function's local environment): each is answered, with a
   * result or the service's error, so that each jar reads back what its operations return, through its own
   * (shrunk) response and error classes.
   */
  @ParameterizedTest
  @MethodSource("functions")
  void everyClientInTheJarReadsTheLocalServicesAnswers(String function, @TempDir Path dir) throws Exception {
    var environment = new HashMap<>(deployment.functions().environment(function));
    environment.put("HOME", dir.toString());
    String output = probe(function, environment);

    for (String client : CALLS.get(function)) {
      assertThat(output).as(function + " calls " + client).containsPattern("(?m)^(REACHED|ANSWERED) " + client + " ");
    }
  }

  private static String probe(String function, Map<String, String> environment, String... jvmOptions)
      throws Exception {
    assertThat(CALLS).as("the clients " + function + " calls, listed above").containsKey(function);
    Path module = RepoPaths.root().resolve((String) TEMPLATE.functionProperties(function).get("CodeUri"));
    Path jar = LambdaArtifacts.jar(module, function);
    var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", jar + ":" + codeSource(AwsReachProbe.class), AwsReachProbe.class.getName()));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(function + " finished").isTrue();
    assertThat(output).as(function + " with " + jar.getFileName()).contains("PROBED")
        .doesNotContain("FAILED").doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException")
        .doesNotContain("NoSuchMethodError");
    return output;
  }
}
