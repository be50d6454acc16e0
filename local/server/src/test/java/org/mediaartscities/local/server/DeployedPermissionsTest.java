package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.shared.json.Json;

/**
 * Least privilege, read on the template as CloudFormation receives it: after the SAM transform (the real translator,
 * through {@code local/tools/sam_transform.py}), every function's role and every bucket's policy, as deployed.
 */
class DeployedPermissionsTest {

  /** Statements allowed a wildcard action or resource, with the reason. None today. */
  private static final Map<String, String> WILDCARDS_ALLOWED = Map.of();

  private static JsonNode resources;

  /** The transformed template's resources (transformed once per JVM). */
  static JsonNode resources() {
    return resources;
  }

  @BeforeAll
  static synchronized void transform() throws Exception {
    if (resources != null) {
      return;
    }
    Process process;
    try {
      process = new ProcessBuilder("python3", RepoPaths.root().resolve("local/tools/sam_transform.py").toString(),
          RepoPaths.template().toString()).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "Skipped: python3 is not installed");
      return;
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assumeTrue(!err.contains("No module named"), "Skipped: cfn-lint is not installed (pip install cfn-lint): " + err);
    assertThat(process.exitValue()).as(err).isZero();
    resources = Json.MAPPER.readTree(out).get("Resources");
  }

  record Statement(String role, JsonNode body) {
    List<String> actions() {
      return strings(body.get("Action"));
    }

    List<String> resources() {
      return strings(body.get("Resource"));
    }

    boolean allows() {
      return "Allow".equals(body.path("Effect").asText());
    }
  }

  static List<String> strings(JsonNode node) {
    if (node == null) {
      return List.of();
    }
    if (node.isArray()) {
      return StreamSupport.stream(node.spliterator(), false).flatMap(n -> strings(n).stream()).toList();
    }
    return List.of(node.isTextual() ? node.asText() : node.toString());
  }

  static Stream<Map.Entry<String, JsonNode>> ofType(String type) {
    return resources.properties().stream().filter(e -> e.getValue().path("Type").asText().equals(type));
  }

  static List<Statement> statements(String role) {
    var statements = new ArrayList<Statement>();
    for (JsonNode policy : resources.path(role).path("Properties").path("Policies")) {
      // A policy that depends on a parameter is an Fn::If: its "true" branch is what such a stack deploys.
      if (policy.has("Fn::If")) {
        policy = policy.get("Fn::If").get(1);
      }
      policy.path("PolicyDocument").path("Statement").forEach(s -> statements.add(new Statement(role, s)));
    }
    return statements;
  }

  static List<Statement> allStatements() {
    return ofType("AWS::IAM::Role").flatMap(role -> statements(role.getKey()).stream()).toList();
  }

  @Test
  void everyFunctionHasARoleOfItsOwn() {
    List<String> functions = ofType("AWS::Lambda::Function").map(Map.Entry::getKey).toList();
    assertThat(functions).hasSizeGreaterThanOrEqualTo(11);
    for (String function : functions) {
      assertThat(resources.has(function + "Role")).as(function + "Role").isTrue();
    }
  }

  @Test
  void noRoleMayDoEverythingOrTouchEverything() {
    var wildcards = new ArrayList<String>();
    for (Statement statement : allStatements()) {
      if (!statement.allows()) {
        continue;
      }
      boolean anyAction = statement.actions().stream().anyMatch(a -> a.equals("*") || a.endsWith(":*"));
      boolean anyResource = statement.resources().contains("*");
      if ((anyAction || anyResource) && !WILDCARDS_ALLOWED.containsKey(statement.role())) {
        wildcards.add(statement.role() + ": " + statement.body());
      }
    }
    assertThat(allStatements()).hasSizeGreaterThan(20);
    assertThat(wildcards).isEmpty();
  }

  /** The secrets (logical ids) a function's environment names, by {@code Ref}, possibly inside an Fn::If. */
  static List<String> secretsNamedInEnvironment(JsonNode function) {
    var secrets = new ArrayList<String>();
    function.path("Properties").path("Environment").path("Variables").findValues("Ref").forEach(ref -> {
      if (resources.path(ref.asText()).path("Type").asText().equals("AWS::SecretsManager::Secret")) {
        secrets.add(ref.asText());
      }
    });
    return secrets;
  }

  @Test
  void noFunctionIsGivenASecretValueOnlyTheIdsOfItsSecrets() {
    List<Map.Entry<String, JsonNode>> functions = ofType("AWS::Lambda::Function").toList();
    assertThat(functions).isNotEmpty();
    for (var function : functions) {
      String variables = function.getValue().path("Properties").path("Environment").path("Variables").toString();
      assertThat(variables).as(function.getKey()).doesNotContain("resolve:secretsmanager")
          .doesNotContain("\"Ref\":\"CaptchaSecret\"");
    }
  }

  @Test
  void eachFunctionMayReadExactlyTheSecretsItsEnvironmentNamesAndNothingElseOfSecretsManager() {
    var readers = new ArrayList<String>();
    for (var function : ofType("AWS::Lambda::Function").toList()) {
      List<String> named = secretsNamedInEnvironment(function.getValue());
      List<Statement> secretStatements = statements(function.getKey() + "Role").stream()
          .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("secretsmanager:"))).toList();
      for (Statement statement : secretStatements) {
        assertThat(statement.actions()).as(statement.role()).containsExactly("secretsmanager:GetSecretValue");
      }
      List<String> readable = secretStatements.stream()
          .flatMap(s -> s.body().path("Resource").findValues("Ref").stream().map(JsonNode::asText)).toList();
      assertThat(readable).as(function.getKey() + " reads the secrets it names")
          .containsExactlyInAnyOrderElementsOf(named);
      if (!named.isEmpty()) {
        readers.add(function.getKey());
      }
    }
    assertThat(readers).containsExactlyInAnyOrder("ContentFunction", "AdminFunction", "SelectionFunction",
        "ApplicationsFunction", "NewsletterFunction", "DigestSenderFunction", "MailEventsFunction");
  }

  @Test
  void everyBucketRefusesRequestsWithoutTls() {
    List<String> buckets = ofType("AWS::S3::Bucket").map(Map.Entry::getKey).toList();
    assertThat(buckets).contains("MediaBucket", "ApplicationsBucket", "NewsletterBucket");
    for (String bucket : buckets) {
      boolean denied = ofType("AWS::S3::BucketPolicy")
          .filter(p -> p.getValue().path("Properties").path("Bucket").toString().contains("\"" + bucket + "\""))
          .flatMap(p -> StreamSupport.stream(p.getValue().path("Properties").path("PolicyDocument")
              .path("Statement").spliterator(), false))
          .anyMatch(s -> s.path("Effect").asText().equals("Deny")
              && s.path("Condition").path("Bool").path("aws:SecureTransport").asText().equals("false"));
      assertThat(denied).as(bucket + " denies aws:SecureTransport=false").isTrue();
    }
  }

  @Test
  void sesSendsOnlyFromTheConfiguredIdentity() {
    List<Statement> ses = allStatements().stream()
        .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("ses:"))).toList();
    assertThat(ses).extracting(Statement::role).contains("ApplicationsFunctionRole", "SelectionFunctionRole",
        "NewsletterFunctionRole", "DigestSenderFunctionRole");
    for (Statement statement : ses) {
      assertThat(statement.actions()).as(statement.role()).allMatch(a -> a.equals("ses:SendEmail")
          || a.equals("ses:SendRawEmail"));
      assertThat(statement.body().path("Condition").toString()).as(statement.role() + ": a From condition")
          .contains("ses:FromAddress").contains("SenderEmail");
    }
  }

  @Test
  void theMediaFunctionWhichDecodesUntrustedImagesTouchesOnlyMediaRecordsAndItsPrefixes() {
    List<Statement> dynamoDb = statements("MediaFunctionRole").stream()
        .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("dynamodb:"))).toList();
    assertThat(dynamoDb).isNotEmpty();
    for (Statement statement : dynamoDb) {
      assertThat(statement.actions()).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem",
          "dynamodb:UpdateItem", "dynamodb:DeleteItem");
      assertThat(statement.body().path("Condition").path("ForAllValues:StringLike").path("dynamodb:LeadingKeys")
          .toString()).contains("MEDIA#*");
    }
    statements("MediaFunctionRole").stream().filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("s3:")))
        .flatMap(s -> s.resources().stream()).forEach(resource -> assertThat(resource)
            .matches(r -> r.contains("/uploads/*") || r.contains("/private/renditions/*"), "an object prefix"));
  }

  @Test
  void theAdminFunctionPutsObjectsOnlyUnderUploadsAndTheRenditionsItPublishes() {
    List<Statement> puts = statements("AdminFunctionRole").stream()
        .filter(s -> s.actions().contains("s3:PutObject")).toList();
    assertThat(puts).isNotEmpty();
    puts.stream().flatMap(s -> s.resources().stream()).forEach(resource -> assertThat(resource)
        .matches(r -> r.contains("/uploads/*") || r.contains("-media-${AWS::AccountId}/renditions/*"),
            "uploads/ or the public renditions/"));
  }

  @Test
  void thePublicApplicationsFunctionHasNoBucketWideOrLifecycleRight() {
    List<Statement> s3 = statements("ApplicationsFunctionRole").stream()
        .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("s3:"))).toList();
    assertThat(s3).isNotEmpty();
    for (Statement statement : s3) {
      assertThat(statement.actions()).as("actions").allMatch(a -> a.equals("s3:PutObject")
          || a.equals("s3:DeleteObject"));
      assertThat(statement.resources()).as("resources: object prefixes only").allMatch(r -> r.contains("/")
          && r.contains("*"));
    }
  }
}
