package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.Template.HttpRoute;
import org.mediaartscities.local.template.TemplateLoader;
import org.mediaartscities.shared.json.Json;

/**
 * The web ACL of the API's distribution (edge/waf.yaml, deployed in us-east-1): per-address limits on the routes a
 * bot would hammer, AWS's managed rules, and the two body rules that would block editors and applicants set to
 * count on their routes. Its path patterns are checked against the routes of template.yaml.
 */
class EdgeFirewallTest {

  private static JsonNode template;
  private static JsonNode rules;
  private static List<HttpRoute> routes;

  @BeforeAll
  static void read() {
    template = Json.MAPPER.valueToTree(TemplateLoader.load(RepoPaths.root().resolve("edge/waf.yaml")).root());
    JsonNode acl = template.path("Resources").path("ApiWebAcl");
    assertThat(acl.path("Properties").path("Scope").asText()).isEqualTo("CLOUDFRONT");
    rules = acl.path("Properties").path("Rules");
    routes = TemplateLoader.load(RepoPaths.template()).httpRoutes();
  }

  static JsonNode rule(String name) {
    return StreamSupport.stream(rules.spliterator(), false).filter(r -> r.path("Name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no rule " + name));
  }

  /** Whether a rule's scope (a regex or a prefix on the path) takes this path. */
  static boolean scopes(JsonNode statement, String path) {
    if (statement.has("RegexMatchStatement")) {
      return Pattern.compile(statement.path("RegexMatchStatement").path("RegexString").asText()).matcher(path).find();
    }
    JsonNode match = statement.path("ByteMatchStatement");
    assertThat(match.path("PositionalConstraint").asText()).isEqualTo("STARTS_WITH");
    return path.startsWith(match.path("SearchString").asText());
  }

  static List<String> paths(java.util.function.Predicate<HttpRoute> which) {
    return routes.stream().filter(which).map(EdgeCachingTest::samplePath).distinct().toList();
  }

  static boolean applying(HttpRoute route) {
    return route.path().startsWith("/applications/") || route.routeKey().equals("POST /calls/{slug}/applications");
  }

  @Test
  void eachAddressIsLimitedOnTheApplyingSubscribingAndAdminRoutes() {
    assertRateLimited("ApplyingRate", paths(EdgeFirewallTest::applying));
    assertRateLimited("SubscribingRate", List.of("/newsletter/subscriptions", "/newsletter/confirm"));
    assertRateLimited("AdminRate", paths(r -> r.path().startsWith("/admin/")));
  }

  private static void assertRateLimited(String name, List<String> paths) {
    JsonNode rule = rule(name);
    JsonNode rate = rule.path("Statement").path("RateBasedStatement");
    assertThat(rule.path("Action").has("Block")).as(name).isTrue();
    assertThat(rate.path("AggregateKeyType").asText()).as(name).isEqualTo("IP");
    assertThat(rate.path("EvaluationWindowSec").asInt()).as(name).isEqualTo(300);
    String parameter = rate.path("Limit").path("Ref").asText();
    // Many phones share one carrier address: a limit a busy office or campus does not reach.
    assertThat(template.path("Parameters").path(parameter).path("Default").asInt()).as(name).isGreaterThanOrEqualTo(
        1000);
    assertThat(paths).as(name).isNotEmpty();
    for (String path : paths) {
      assertThat(scopes(rate.path("ScopeDownStatement"), path)).as(name + " takes " + path).isTrue();
    }
    assertThat(scopes(rate.path("ScopeDownStatement"), "/news")).as(name + " leaves public reads alone").isFalse();
  }

  @Test
  void awsManagedRuleGroupsApply() {
    assertThat(rule("CommonRuleSet").path("Statement").path("ManagedRuleGroupStatement").path("Name").asText())
        .isEqualTo("AWSManagedRulesCommonRuleSet");
    assertThat(rule("KnownBadInputs").path("Statement").path("ManagedRuleGroupStatement").path("Name").asText())
        .isEqualTo("AWSManagedRulesKnownBadInputsRuleSet");
    assertThat(rule("CommonRuleSet").path("OverrideAction").has("None")).isTrue();
    assertThat(rule("KnownBadInputs").path("OverrideAction").has("None")).isTrue();
  }

  @Test
  void largeAndHtmlLikeBodiesOnlyCountOnEditingAndApplyingRoutesAndBlockElsewhere() {
    JsonNode overrides = rule("CommonRuleSet").path("Statement").path("ManagedRuleGroupStatement")
        .path("RuleActionOverrides");
    assertThat(overrides).hasSize(2);
    assertThat(overrides.findValuesAsText("Name")).containsExactlyInAnyOrder("SizeRestrictions_BODY",
        "CrossSiteScripting_BODY");
    overrides.forEach(o -> assertThat(o.path("ActionToUse").has("Count")).isTrue());

    JsonNode block = rule("BodyRulesOutsideEditingAndApplying");
    assertThat(block.path("Action").has("Block")).isTrue();
    assertThat(block.path("Priority").asInt()).isGreaterThan(rule("CommonRuleSet").path("Priority").asInt());
    JsonNode and = block.path("Statement").path("AndStatement").path("Statements");
    assertThat(and.get(0).findValuesAsText("Key")).containsExactlyInAnyOrder(
        "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body",
        "awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body");
    JsonNode exempt = and.get(1).path("NotStatement").path("Statement");
    List<String> writing = paths(r -> !r.method().equals("GET") && (r.path().startsWith("/admin/") || applying(r)));
    assertThat(writing).contains("/admin/sample-1", "/applications/sample-1", "/calls/sample-1/applications");
    writing.forEach(path -> assertThat(scopes(exempt, path)).as("counts only on " + path).isTrue());
    List<String> others = paths(r -> !r.path().startsWith("/admin/") && !applying(r));
    assertThat(others).contains("/newsletter/subscriptions", "/calls/sample-1/form");
    others.forEach(path -> assertThat(scopes(exempt, path)).as("blocks on " + path).isFalse());
  }

  @Test
  void theArnItGivesIsWhatTheMainStackTakes() {
    assertThat(template.path("Outputs").path("WebAclArn").path("Value").toString()).contains("ApiWebAcl")
        .contains("Arn");
  }
}
