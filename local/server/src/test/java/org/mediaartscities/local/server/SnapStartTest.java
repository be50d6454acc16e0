package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SnapStart as deployed (the template after the SAM transform): every function snapshots its published versions, and
 * everything that invokes a function (the API's integrations, the permissions, the queues' mappings, the schedule,
 * the topic's subscription, the buckets' notifications) invokes its {@code live} alias, never the unpublished
 * {@code $LATEST}, which SnapStart does not apply to.
 */
class SnapStartTest {

  /** What invokes functions, and where it names the function it invokes. */
  private static final Set<String> INVOKERS = Set.of("AWS::Lambda::Permission", "AWS::Lambda::EventSourceMapping",
      "AWS::SNS::Subscription", "AWS::Scheduler::Schedule", "AWS::S3::Bucket", "AWS::ApiGatewayV2::Api");
  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z]+)?}");

  private static JsonNode resources;
  private static Set<String> functions;
  private static Map<String, String> aliases;

  @BeforeAll
  static void transform() throws Exception {
    DeployedPermissionsTest.transform();
    resources = DeployedPermissionsTest.resources();
    functions = DeployedPermissionsTest.ofType("AWS::Lambda::Function").map(Map.Entry::getKey)
        .collect(Collectors.toSet());
    aliases = DeployedPermissionsTest.ofType("AWS::Lambda::Alias").collect(Collectors.toMap(Map.Entry::getKey,
        alias -> alias.getValue().path("Properties").path("FunctionName").path("Ref").asText()));
  }

  @Test
  void everyFunctionSnapshotsItsPublishedVersions() {
    assertThat(functions).hasSize(11);
    DeployedPermissionsTest.ofType("AWS::Lambda::Function").forEach(function -> assertThat(function.getValue()
        .path("Properties").path("SnapStart").path("ApplyOn").asText()).as(function.getKey())
        .isEqualTo("PublishedVersions"));
  }

  @Test
  void everyFunctionHasOneLiveAliasOnAPublishedVersion() {
    assertThat(aliases.values()).containsExactlyInAnyOrderElementsOf(functions);
    DeployedPermissionsTest.ofType("AWS::Lambda::Alias").forEach(alias -> {
      JsonNode properties = alias.getValue().path("Properties");
      assertThat(properties.path("Name").asText()).as(alias.getKey()).isEqualTo("live");
      String version = properties.path("FunctionVersion").path("Fn::GetAtt").path(0).asText();
      assertThat(resources.path(version).path("Type").asText()).as(alias.getKey()).isEqualTo("AWS::Lambda::Version");
    });
  }

  @Test
  void everythingThatInvokesAFunctionInvokesItsAlias() {
    var targets = new ArrayList<String>();
    DeployedPermissionsTest.ofType("AWS::Lambda::Permission").forEach(permission -> targets.add(referenced(
        permission.getValue().path("Properties").path("FunctionName"))));
    DeployedPermissionsTest.ofType("AWS::Lambda::EventSourceMapping").forEach(mapping -> targets.add(referenced(
        mapping.getValue().path("Properties").path("FunctionName"))));
    DeployedPermissionsTest.ofType("AWS::SNS::Subscription")
        .filter(subscription -> subscription.getValue().path("Properties").path("Protocol").asText().equals("lambda"))
        .forEach(subscription -> targets.add(referenced(subscription.getValue().path("Properties")
            .path("Endpoint"))));
    DeployedPermissionsTest.ofType("AWS::Scheduler::Schedule").forEach(schedule -> targets.add(referenced(
        schedule.getValue().path("Properties").path("Target").path("Arn"))));
    DeployedPermissionsTest.ofType("AWS::S3::Bucket").forEach(bucket -> bucket.getValue().path("Properties")
        .path("NotificationConfiguration").path("LambdaConfigurations")
        .forEach(notification -> targets.add(referenced(notification.path("Function")))));
    DeployedPermissionsTest.ofType("AWS::ApiGatewayV2::Api").forEach(api -> api.getValue().path("Properties")
        .path("Body").path("paths").forEach(path -> path.forEach(operation -> {
          JsonNode uri = operation.path("x-amazon-apigateway-integration").path("uri");
          if (!uri.isMissingNode()) {
            targets.addAll(substituted(uri.path("Fn::Sub").asText()));
          }
        })));

    // Five API functions (dozens of routes), two queues, one schedule, one topic and two buckets at least.
    assertThat(targets).hasSizeGreaterThan(60);
    assertThat(targets).allSatisfy(target -> assertThat(aliases).as(target).containsKey(target));
    assertThat(targets.stream().map(aliases::get).collect(Collectors.toSet())).isEqualTo(functions);
  }

  @Test
  void nothingThatInvokesNamesAFunctionItself() {
    var bare = new ArrayList<String>();
    resources.properties().forEach(resource -> {
      if (INVOKERS.contains(resource.getValue().path("Type").asText())) {
        names(resource.getValue().path("Properties")).stream().filter(functions::contains)
            .forEach(name -> bare.add(resource.getKey() + " → " + name));
      }
    });
    assertThat(bare).isEmpty();
  }

  /** The resource a {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub} of one name refers to. */
  private static String referenced(JsonNode node) {
    if (node.has("Ref")) {
      return node.get("Ref").asText();
    }
    if (node.has("Fn::GetAtt")) {
      return node.get("Fn::GetAtt").path(0).asText();
    }
    List<String> substituted = substituted(node.path("Fn::Sub").asText());
    assertThat(substituted).as(node.toString()).hasSize(1);
    return substituted.getFirst();
  }

  private static List<String> substituted(String text) {
    return SUBSTITUTION.matcher(text).results().map(match -> match.group(1))
        .filter(name -> !name.startsWith("AWS") && resources.has(name)).toList();
  }

  /** Every resource name a subtree refers to, by Ref, GetAtt or Sub. */
  private static List<String> names(JsonNode node) {
    var names = new ArrayList<String>();
    if (node.isObject()) {
      node.properties().forEach(field -> {
        switch (field.getKey()) {
          case "Ref" -> names.add(field.getValue().asText());
          case "Fn::GetAtt" -> names.add(field.getValue().path(0).asText());
          case "Fn::Sub" -> names.addAll(substituted(field.getValue().isArray()
              ? field.getValue().path(0).asText() : field.getValue().asText()));
          default -> { }
        }
        names.addAll(names(field.getValue()));
      });
    } else if (node.isArray()) {
      node.forEach(element -> names.addAll(names(element)));
    }
    return names;
  }
}
