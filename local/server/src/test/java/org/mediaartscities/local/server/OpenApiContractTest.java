package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.Template.HttpRoute;
import org.mediaartscities.local.template.TemplateLoader;
import org.mediaartscities.shared.json.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * openapi.yaml, the API's contract, against template.yaml, the one description of the routes: every route has
 * exactly one operation with the same authorization, every operation a route; the document is valid OpenAPI 3.1;
 * and openapi.json, what {@code GET /openapi.json} serves, holds the same document.
 */
class OpenApiContractTest {

  static final Path YAML = RepoPaths.root().resolve("openapi.yaml");
  static final Path JSON = RepoPaths.root().resolve("openapi.json");
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  /** Served by no function of the template: the dev server's and API Gateway's own, none so far. */
  static final Set<String> NOT_IN_TEMPLATE = Set.of();
  /** The applicant's routes: the application's token, sent as X-Application-Token (or as a bearer token). */
  static final String APPLICATION_PREFIX = "/applications/{id}";
  /** The newsletter routes a subscriber reaches with the token of a newsletter email. */
  static final Set<String> NEWSLETTER_TOKEN_PATHS = Set.of("/newsletter/preferences", "/newsletter/unsubscribe");

  record Operation(String method, String path, Map<String, Object> definition) {
    String routeKey() {
      return method.toUpperCase() + " " + path;
    }

    @Override
    public String toString() {
      return routeKey();
    }
  }

  static Map<String, Object> contract() {
    LoaderOptions options = new LoaderOptions();
    // A path or method written twice would otherwise be read as its last copy, silently.
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(10 * 1024 * 1024);
    try {
      return new Yaml(new SafeConstructor(options)).load(Files.readString(YAML));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Operation> operations() {
    var operations = new ArrayList<Operation>();
    map(contract().get("paths")).forEach((path, item) -> map(item).forEach((method, definition) -> {
      if (METHODS.contains(method)) {
        operations.add(new Operation(method, path, map(definition)));
      }
    }));
    return operations;
  }

  static List<HttpRoute> templateRoutes() {
    Template template = TemplateLoader.load(RepoPaths.template());
    return template.httpRoutes();
  }

  static Stream<HttpRoute> routes() {
    return templateRoutes().stream();
  }

  static Stream<Operation> everyOperation() {
    return operations().stream();
  }

  @Test
  void everyTemplateRouteHasExactlyOneOperationAndEveryOperationARoute() {
    List<String> declared = templateRoutes().stream().map(HttpRoute::routeKey).toList();
    List<String> described = operations().stream().map(Operation::routeKey)
        .filter(key -> !NOT_IN_TEMPLATE.contains(key)).toList();

    assertThat(declared).isNotEmpty().doesNotHaveDuplicates();
    assertThat(described).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void anOperationHasTheAuthorizationOfItsRoute(HttpRoute route) {
    Operation operation = operations().stream().filter(o -> o.routeKey().equals(route.routeKey())).findFirst()
        .orElseThrow(() -> new AssertionError("No operation for " + route.routeKey()));

    assertThat(schemes(operation)).as(route.routeKey()).isEqualTo(expectedSchemes(route));
  }

  @Test
  void everyKindOfAuthorizationIsChecked() {
    Set<String> seen = new TreeSet<>();
    routes().forEach(route -> seen.addAll(expectedSchemes(route)));

    assertThat(seen).containsExactly("applicationToken", "cognitoJwt", "newsletterToken");
    assertThat(map(map(contract().get("components")).get("securitySchemes"))).containsOnlyKeys(seen);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOperation")
  void anOperationIsNamedTaggedAndAnswersWithASuccess(Operation operation) {
    Map<String, Object> definition = operation.definition();
    Map<String, Object> responses = map(definition.get("responses"));

    assertThat(definition.get("operationId")).as("operationId").isInstanceOf(String.class);
    assertThat(definition.get("summary")).as("summary").isInstanceOf(String.class);
    assertThat(list(definition.get("tags"))).as("tags").hasSize(1);
    assertThat(responses.keySet()).as("responses").anyMatch(status -> status.startsWith("2"))
        .allMatch(status -> status.matches("[1-5][0-9][0-9]"));
    assertThat(responses).as("throttling by API Gateway").containsKey("429");
    if (operation.method().equals("get")) {
      assertThat(responses).as("a GET answers 304 to its own ETag").containsKey("304");
      assertThat(map(map(firstSuccess(responses)).get("headers"))).as("a GET's headers")
          .containsKeys("ETag", "Cache-Control");
    }
    if (schemes(operation).contains("cognitoJwt")) {
      assertThat(responses).as("the JWT authorizer's 401 and our 403").containsKeys("401", "403");
    }
  }

  @Test
  void operationIdsAreUnique() {
    List<Object> ids = operations().stream().map(o -> o.definition().get("operationId")).toList();

    assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
  }

  @Test
  void theDocumentIsValidOpenApi31() throws Exception {
    assertThat(contract().get("openapi")).isEqualTo("3.1.0");
    assumeTrue(runs("python3", "-c", "import openapi_spec_validator"), "Skipped: python3 with openapi-spec-validator"
        + " is not installed (`pip install openapi-spec-validator`); CI machines of this project have it.");
    Process process = new ProcessBuilder("python3", "-m", "openapi_spec_validator", YAML.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the validator finished").isTrue();

    assertThat(process.exitValue()).as(output).isZero();
  }

  /** An example of the contract: where it is, the schema it illustrates, and its value. */
  record Example(String where, String schemaPointer, JsonNode value) {
    @Override
    public String toString() {
      return where;
    }
  }

  /**
   * Every {@code example} and {@code examples} of the document: of media types, parameters and headers (against
   * their {@code schema}), and the {@code examples} keyword of schemas (against the schema that holds it).
   */
  static Stream<Example> everyExample() {
    var examples = new ArrayList<Example>();
    collectExamples(ApiContract.get().document(), "", false, examples);
    return examples.stream();
  }

  private static void collectExamples(JsonNode node, String pointer, boolean inSchema, List<Example> examples) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectExamples(node.get(i), pointer + "/" + i, inSchema, examples);
      }
    } else if (node.isObject()) {
      collectObjectExamples(node, pointer, inSchema, examples);
    }
  }

  private static void collectObjectExamples(JsonNode node, String pointer, boolean inSchema, List<Example> examples) {
    if (node.has("schema")) {
      String schema = pointer + "/schema";
      if (node.has("example")) {
        examples.add(new Example(pointer + "/example", schema, node.get("example")));
      }
      if (node.path("examples").isObject()) {
        node.get("examples").properties().forEach(e -> examples.add(new Example(pointer + "/examples/"
            + ApiContract.escape(e.getKey()), schema, e.getValue().get("value"))));
      }
    }
    if (inSchema && node.path("examples").isArray()) {
      for (int i = 0; i < node.get("examples").size(); i++) {
        examples.add(new Example(pointer + "/examples/" + i, pointer, node.get("examples").get(i)));
      }
    }
    node.properties().forEach(entry -> {
      String child = pointer + "/" + ApiContract.escape(entry.getKey());
      boolean schema = inSchema || entry.getKey().equals("schema") || pointer.equals("/components/schemas");
      if (!(inSchema && entry.getKey().equals("examples"))) {
        collectExamples(entry.getValue(), child, schema, examples);
      }
    });
  }

  @Test
  void theContractHasExamplesOfResponsesParametersAndSchemas() {
    List<String> where = everyExample().map(Example::where).toList();

    assertThat(where).anyMatch(w -> w.contains("/responses/200/content/"))
        .anyMatch(w -> w.startsWith("/components/parameters/")).anyMatch(w -> w.startsWith("/components/schemas/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyExample")
  void anExampleIsValidAgainstItsSchema(Example example) {
    assertThat(example.value()).as("the example's value").isNotNull();

    assertThat(ApiContract.get().validate(example.schemaPointer(), example.value())).as(example.where()).isEmpty();
  }

  /**
   * openapi.json is committed beside openapi.yaml so that the content function serves bytes (no YAML parser at its
   * cold start) and a build needs no converter. When they differ, this writes what openapi.json should be.
   */
  @Test
  void theServedJsonIsTheYaml() throws IOException {
    JsonNode fromYaml = Json.MAPPER.valueToTree(contract());
    JsonNode committed = Files.exists(JSON) ? Json.MAPPER.readTree(Files.readString(JSON)) : null;
    if (!fromYaml.equals(committed)) {
      Path expected = RepoPaths.root().resolve("local/server/target/openapi.json");
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(fromYaml) + "\n");
    }

    assertThat(committed).as("openapi.json is openapi.yaml as JSON: after changing the YAML, run this test and "
        + "cp local/server/target/openapi.json openapi.json").isEqualTo(fromYaml);
  }

  private static Set<String> expectedSchemes(HttpRoute route) {
    if ("CognitoJwt".equals(route.authorizer())) {
      return Set.of("cognitoJwt");
    }
    if (route.authorizer() != null) {
      throw new AssertionError("An authorizer this test does not know: " + route.authorizer());
    }
    if (route.path().equals(APPLICATION_PREFIX) || route.path().startsWith(APPLICATION_PREFIX + "/")) {
      return Set.of("applicationToken");
    }
    if (NEWSLETTER_TOKEN_PATHS.contains(route.path())) {
      return Set.of("newsletterToken");
    }
    return Set.of();
  }

  /** The security schemes an operation requires: its own {@code security}, else the document's. */
  private static Set<String> schemes(Operation operation) {
    Object security = operation.definition().containsKey("security") ? operation.definition().get("security")
        : contract().get("security");
    Set<String> schemes = new TreeSet<>();
    list(security).forEach(requirement -> schemes.addAll(map(requirement).keySet()));
    return schemes;
  }

  private static Object firstSuccess(Map<String, Object> responses) {
    return responses.entrySet().stream().filter(e -> e.getKey().startsWith("2")).findFirst().orElseThrow()
        .getValue();
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}
