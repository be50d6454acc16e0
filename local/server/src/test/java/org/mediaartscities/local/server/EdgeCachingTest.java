package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.Template.HttpRoute;
import org.mediaartscities.local.template.TemplateLoader;

/**
 * The API's CloudFront distribution, read on the template as CloudFormation receives it (after the SAM transform):
 * every route goes through the behaviour CloudFront would pick for its path, and that behaviour caches public
 * reads as their Cache-Control says, and never caches the routes that carry credentials, tokens or bodies.
 */
class EdgeCachingTest {

  /** AWS's managed policies, by their fixed ids. */
  static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
  static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

  /** Route families that are never cached, whatever their method; the newsletter's public archive is not one. */
  private static final Pattern PRIVATE_PATH = Pattern.compile("^/(admin|applications)/.*"
      + "|^/newsletter/(?!digests(/|$)).*");

  private static JsonNode distribution;
  private static List<HttpRoute> routes;

  @BeforeAll
  static void readTemplate() throws Exception {
    DeployedPermissionsTest.transform();
    distribution = DeployedPermissionsTest.resources().path("ApiDistribution").path("Properties")
        .path("DistributionConfig");
    routes = TemplateLoader.load(RepoPaths.template()).httpRoutes();
  }

  /** The behaviour CloudFront picks for a path: the first pattern that matches, else the default one. */
  static JsonNode behaviourFor(String path) {
    for (JsonNode behaviour : distribution.path("CacheBehaviors")) {
      if (cloudFrontPattern(behaviour.path("PathPattern").asText()).matcher(path).matches()) {
        return behaviour;
      }
    }
    return distribution.path("DefaultCacheBehavior");
  }

  /** CloudFront's path patterns: {@code *} is any run of characters, slashes included; {@code ?} is one. */
  static Pattern cloudFrontPattern(String pattern) {
    var regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(switch (c) {
        case '*' -> ".*";
        case '?' -> ".";
        default -> Pattern.quote(String.valueOf(c));
      });
    }
    return Pattern.compile(regex.toString());
  }

  /** A path the route serves, its parameters filled in. */
  static String samplePath(HttpRoute route) {
    return route.path().replaceAll("\\{[^}]+}", "sample-1");
  }

  static boolean isPublicRead(HttpRoute route) {
    return route.method().equals("GET") && route.authorizer() == null && !PRIVATE_PATH.matcher(route.path()).matches();
  }

  static JsonNode apiCachePolicy() {
    return DeployedPermissionsTest.resources().path("ApiCachePolicy").path("Properties").path("CachePolicyConfig");
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void everyPublicReadGoesThroughABehaviourThatCachesAsTheOriginSays() {
    List<HttpRoute> publicReads = routes.stream().filter(EdgeCachingTest::isPublicRead).toList();
    assertThat(publicReads).extracting(HttpRoute::path)
        .contains("/cities", "/news/{slug}", "/events/calendar.ics", "/calls/{slug}", "/newsletter/digests/{id}")
        .hasSizeGreaterThanOrEqualTo(16);
    for (HttpRoute route : publicReads) {
      JsonNode behaviour = behaviourFor(samplePath(route));
      assertThat(behaviour.path("CachePolicyId").path("Ref").asText()).as(route.routeKey()).isEqualTo("ApiCachePolicy");
      assertThat(texts(behaviour.path("CachedMethods"))).as(route.routeKey()).contains("GET", "HEAD");
      assertThat(texts(behaviour.path("AllowedMethods"))).as(route.routeKey()).contains("GET", "OPTIONS");
      assertThat(behaviour.path("FunctionAssociations").toString()).as(route.routeKey() + ": language normalised")
          .contains("viewer-request").contains("ApiViewerRequestFunction");
    }
  }

  @Test
  void theApiCachePolicyHonoursTheOriginsCacheControlAndCachesNothingUnlabelled() {
    JsonNode policy = apiCachePolicy();
    // MinTTL 0: no-store, no-cache and private keep an answer out; DefaultTTL 0: so does a missing Cache-Control.
    assertThat(policy.path("MinTTL").asInt(-1)).isZero();
    assertThat(policy.path("DefaultTTL").asInt(-1)).isZero();
    assertThat(policy.path("MaxTTL").asInt()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void noAdminApplicationsNewsletterOrWritingRouteIsEverCached() {
    List<HttpRoute> uncached = routes.stream()
        .filter(r -> PRIVATE_PATH.matcher(r.path()).matches() || !r.method().equals("GET")).toList();
    assertThat(uncached).extracting(HttpRoute::routeKey).contains("GET /admin/{kind}", "GET /applications/{id}",
        "GET /newsletter/preferences", "GET /newsletter/unsubscribe", "POST /calls/{slug}/applications",
        "POST /newsletter/subscriptions");
    for (HttpRoute route : uncached) {
      JsonNode behaviour = behaviourFor(samplePath(route));
      assertThat(behaviour.path("CachePolicyId").asText()).as(route.routeKey()).isEqualTo(CACHING_DISABLED);
      assertThat(behaviour.path("OriginRequestPolicyId").asText()).as(route.routeKey() + ": every header forwarded")
          .isEqualTo(ALL_VIEWER_EXCEPT_HOST_HEADER);
      assertThat(texts(behaviour.path("AllowedMethods"))).as(route.routeKey()).contains(route.method(), "OPTIONS");
      assertThat(behaviour.has("FunctionAssociations")).as(route.routeKey() + ": headers as sent").isFalse();
    }
  }

  @Test
  void everyRouteOfTheTemplateIsEitherCachedAsTheOriginSaysOrNeverCached() {
    var neither = new ArrayList<String>();
    for (HttpRoute route : routes) {
      JsonNode behaviour = behaviourFor(samplePath(route));
      boolean cachedPublicRead = isPublicRead(route)
          && behaviour.path("CachePolicyId").path("Ref").asText().equals("ApiCachePolicy");
      boolean neverCached = !isPublicRead(route) && behaviour.path("CachePolicyId").asText().equals(CACHING_DISABLED);
      if (!cachedPublicRead && !neverCached) {
        neither.add(route.routeKey());
      }
    }
    assertThat(routes).hasSizeGreaterThan(50);
    assertThat(neither).isEmpty();
  }

  @Test
  void theCacheKeyHoldsTheQueryStringTheNormalisedLanguageAndTheOriginOnly() {
    JsonNode key = apiCachePolicy().path("ParametersInCacheKeyAndForwardedToOrigin");
    assertThat(key.path("QueryStringsConfig").path("QueryStringBehavior").asText()).isEqualTo("all");
    assertThat(key.path("HeadersConfig").path("HeaderBehavior").asText()).isEqualTo("whitelist");
    // Origin: API Gateway answers CORS per origin. No If-None-Match: CloudFront answers conditional GETs itself.
    assertThat(texts(key.path("HeadersConfig").path("Headers"))).containsExactlyInAnyOrder("Accept-Language",
        "Origin");
    assertThat(key.path("CookiesConfig").path("CookieBehavior").asText()).isEqualTo("none");
  }

  @Test
  void theCachedBehavioursForwardOnlyWhatAPreflightAsks() {
    JsonNode policy = DeployedPermissionsTest.resources().path("ApiPreflightRequestPolicy").path("Properties")
        .path("OriginRequestPolicyConfig");
    assertThat(texts(policy.path("HeadersConfig").path("Headers"))).containsExactlyInAnyOrder(
        "Access-Control-Request-Method", "Access-Control-Request-Headers");
    assertThat(policy.path("CookiesConfig").path("CookieBehavior").asText()).isEqualTo("none");
  }

  @Test
  void theDistributionReachesTheHttpApiOverHttpsOnly() {
    JsonNode origins = distribution.path("Origins");
    assertThat(origins).hasSize(1);
    assertThat(origins.get(0).path("DomainName").toString()).contains("HttpApi").contains("execute-api");
    assertThat(origins.get(0).path("CustomOriginConfig").path("OriginProtocolPolicy").asText())
        .isEqualTo("https-only");
    var behaviours = new ArrayList<JsonNode>();
    distribution.path("CacheBehaviors").forEach(behaviours::add);
    behaviours.add(distribution.path("DefaultCacheBehavior"));
    assertThat(behaviours).allSatisfy(b -> assertThat(b.path("ViewerProtocolPolicy").asText())
        .isEqualTo("https-only"));
  }

  @Test
  void theWebAclIsAttachedWhenItsArnIsGiven() {
    assertThat(distribution.path("WebACLId").toString())
        .isEqualTo("{\"Fn::If\":[\"HasWebAcl\",{\"Ref\":\"WebAclArn\"},{\"Ref\":\"AWS::NoValue\"}]}");
    Object parameter = TemplateLoader.load(RepoPaths.template()).parameters().get("WebAclArn");
    assertThat(org.mediaartscities.local.template.Template.map(parameter)).containsEntry("Default", "");
  }

  @Test
  void theDeployedFunctionIsTheTestedSource() throws Exception {
    JsonNode function = DeployedPermissionsTest.resources().path("ApiViewerRequestFunction").path("Properties");
    assertThat(function.path("FunctionConfig").path("Runtime").asText()).isEqualTo("cloudfront-js-2.0");
    assertThat(function.path("FunctionCode").asText())
        .isEqualTo(Files.readString(RepoPaths.root().resolve("edge/api-viewer-request.js")));
  }
}
