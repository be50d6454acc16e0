package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.site.SiteRoutes;
import org.mediaartscities.shared.json.Json;

/**
 * The site's distribution as CloudFormation receives it (the SAM-transformed template) and its two CloudFront
 * Functions, run by the machine's node (skipped without node): they do at the edge what the dev server's site does.
 */
class SiteEdgeTest {

  private static final Path WEB = RepoPaths.root().resolve("web");

  /** Runs handler() on each URI; prints the URI it leaves, or "301 <location>". */
  private static final String HARNESS = """
      const source = require('fs').readFileSync(process.argv[1], 'utf8');
      const handler = new Function(source + '\\nreturn handler;')();
      const uris = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      console.log(JSON.stringify(uris.map(uri => {
        const out = handler({request: {uri, method: 'GET', headers: {}, querystring: {}}});
        return out.statusCode ? out.statusCode + ' ' + out.headers.location.value : out.uri;
      })));
      """;

  private static JsonNode resources;
  private static JsonNode distribution;

  @BeforeAll
  static void transform() throws Exception {
    DeployedPermissionsTest.transform();
    resources = DeployedPermissionsTest.resources();
    distribution = resources.path("SiteDistribution").path("Properties").path("DistributionConfig");
  }

  @Test
  void theDeployedFunctionsAreTheTestedSources() throws IOException {
    for (var entry : Map.of("SiteViewerRequestFunction", "edge/site-viewer-request.js",
        "SiteApiViewerRequestFunction", "edge/site-api-viewer-request.js").entrySet()) {
      JsonNode function = resources.path(entry.getKey()).path("Properties");
      assertThat(function.path("FunctionConfig").path("Runtime").asText()).isEqualTo("cloudfront-js-2.0");
      assertThat(function.path("FunctionCode").asText()).as(entry.getKey())
          .isEqualTo(Files.readString(RepoPaths.root().resolve(entry.getValue())));
    }
  }

  @Test
  void theEdgeServesEveryRouteFromTheFileTheDevServerServes() throws Exception {
    SiteRoutes routes = SiteRoutes.load(WEB.resolve("routes.json"));
    var expected = new LinkedHashMap<String, String>();
    for (JsonNode route : Json.MAPPER.readTree(WEB.resolve("routes.json").toFile()).get("routes")) {
      String path = route.get("path").asText().replace("{slug}", "nuit-blanche-2026");
      expected.put(path, routes.fileFor(path).orElseThrow());
    }
    assertThat(expected).hasSizeGreaterThan(10);
    expected.put("/", "/index.html");
    expected.put("/newsletter/", "/newsletter/index.html");
    expected.put("/js/api.js", "/js/api.js");
    expected.put("/console", "301 /console/");
    expected.put("/calls/Not-A-Slug/apply", "301 /calls/Not-A-Slug/apply/");

    List<String> uris = new ArrayList<>(expected.keySet());
    assertThat(run("edge/site-viewer-request.js", uris)).containsExactlyElementsOf(expected.values());
  }

  @Test
  void theApiBehaviourTakesTheApiPrefixOff() throws Exception {
    assertThat(run("edge/site-api-viewer-request.js", List.of("/api/news", "/api/calls/x/form", "/api/")))
        .containsExactly("/news", "/calls/x/form", "/");
  }

  @Test
  void pagesComeFromTheSiteBucketAndTheApiUnderApiUncachedWithEveryHeaderItReads() {
    JsonNode pages = distribution.path("DefaultCacheBehavior");
    assertThat(pages.path("TargetOriginId").asText()).isEqualTo("site");
    assertThat(pages.path("FunctionAssociations").toString()).contains("SiteViewerRequestFunction");
    JsonNode site = origin("site");
    assertThat(site.path("DomainName").toString()).contains("SiteBucket");
    assertThat(site.path("OriginAccessControlId").toString()).contains("SiteOriginAccessControl");

    List<JsonNode> api = new ArrayList<>();
    distribution.path("CacheBehaviors").forEach(b -> {
      if (b.path("PathPattern").asText().equals("/api/*")) {
        api.add(b);
      }
    });
    assertThat(api).hasSize(1);
    JsonNode behaviour = api.getFirst();
    assertThat(origin(behaviour.path("TargetOriginId").asText()).path("DomainName").toString()).contains("HttpApi");
    assertThat(behaviour.path("CachePolicyId").asText()).isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
    assertThat(behaviour.path("OriginRequestPolicyId").asText()).isEqualTo("b689b0a8-53d0-40ab-baf2-68738e2966ac");
    assertThat(behaviour.path("FunctionAssociations").toString()).contains("SiteApiViewerRequestFunction");
    assertThat(List.of(pages, behaviour)).allSatisfy(b -> assertThat(b.path("ResponseHeadersPolicyId").toString())
        .contains("SiteResponseHeadersPolicy"));
    assertThat(distribution.path("CustomErrorResponses").toString()).contains("/404.html");
  }

  @Test
  void theDistributionSendsTheHeadersOfSecurityHeadersJson() throws IOException {
    JsonNode headers = Json.MAPPER.readTree(WEB.resolve("security-headers.json").toFile()).get("headers");
    JsonNode policy = resources.path("SiteResponseHeadersPolicy").path("Properties")
        .path("ResponseHeadersPolicyConfig");
    JsonNode security = policy.path("SecurityHeadersConfig");
    assertThat(security.path("ContentSecurityPolicy").path("ContentSecurityPolicy").path("Fn::Sub").get(0).asText())
        .isEqualTo(headers.get("Content-Security-Policy").asText());
    assertThat(headers.get("Strict-Transport-Security").asText()).isEqualTo("max-age="
        + security.path("StrictTransportSecurity").path("AccessControlMaxAgeSec").asInt() + "; includeSubDomains");
    assertThat(headers.get("X-Frame-Options").asText())
        .isEqualTo(security.path("FrameOptions").path("FrameOption").asText());
    assertThat(headers.get("Referrer-Policy").asText())
        .isEqualTo(security.path("ReferrerPolicy").path("ReferrerPolicy").asText());
    assertThat(headers.get("X-Content-Type-Options").asText()).isEqualTo("nosniff");
    assertThat(security.path("ContentTypeOptions").path("Override").asBoolean()).isTrue();
    var custom = new LinkedHashMap<String, String>();
    policy.path("CustomHeadersConfig").path("Items").forEach(i -> custom.put(i.path("Header").asText(),
        i.path("Value").asText()));
    assertThat(custom).containsEntry("Permissions-Policy", headers.get("Permissions-Policy").asText())
        .containsEntry("Cross-Origin-Opener-Policy", headers.get("Cross-Origin-Opener-Policy").asText());
  }

  private static JsonNode origin(String id) {
    for (JsonNode origin : distribution.path("Origins")) {
      if (origin.path("Id").asText().equals(id)) {
        return origin;
      }
    }
    throw new AssertionError("no origin " + id);
  }

  private static List<String> run(String source, List<String> uris) throws Exception {
    Process process;
    try {
      process = new ProcessBuilder("node", "-e", HARNESS, RepoPaths.root().resolve(source).toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "Skipped: node is not installed; it runs the CloudFront Function's source");
      return List.of();
    }
    process.getOutputStream().write(Json.MAPPER.writeValueAsBytes(uris));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    var results = new ArrayList<String>();
    Json.MAPPER.readTree(out).forEach(r -> results.add(r.asText()));
    return results;
  }
}
