package org.mediaartscities.local.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.mediaartscities.shared.json.Json;

/**
 * openapi.yaml as a checker: which operation a request reached, and whether the answer is one the contract
 * describes (status declared, every header our code or the gateway's API behaviour sends declared, the body valid
 * against its schema). The schemas are validated by networknt's json-schema-validator with the OpenAPI 3.1 dialect
 * (JSON Schema 2020-12 plus OpenAPI's keywords), straight from the document, so that {@code $ref}s resolve as any
 * generator would resolve them.
 */
final class ApiContract {

  private static final String DOCUMENT = "https://contract.mediaartscities.invalid/openapi.json";
  /** Sent by HTTP itself, the gateway's CORS or the dev server: not the API's to declare. */
  private static final Set<String> TRANSPORT_HEADERS = Set.of("content-type", "content-length", "date", "connection",
      "transfer-encoding", "keep-alive", "apigw-requestid", "access-control-allow-origin",
      "access-control-allow-credentials", "access-control-expose-headers", "access-control-allow-methods",
      "access-control-allow-headers", "access-control-max-age");
  /** Headers the document declares for every answer in {@code info.description} rather than per response. */
  private static final Set<String> EVERY_ANSWER_HEADERS = Set.of("x-request-id");
  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^}/]+}");

  private static final ApiContract INSTANCE = new ApiContract(Json.MAPPER.valueToTree(OpenApiContractTest.contract()));

  /** One operation: its method, path template and where it sits in the document. */
  record Operation(String method, String path, Pattern pattern, String pointer, JsonNode definition) {
    String routeKey() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  private final JsonNode document;
  private final List<Operation> operations;
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  private ApiContract(JsonNode document) {
    this.document = document;
    var found = new ArrayList<Operation>();
    document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
      if (OpenApiContractTest.METHODS.contains(method.getKey())) {
        found.add(new Operation(method.getKey(), path.getKey(), pattern(path.getKey()),
            "/paths/" + escape(path.getKey()) + "/" + method.getKey(), method.getValue()));
      }
    }));
    // A literal segment wins over a parameter, as API Gateway chooses: /news/feed.rss before /news/{slug}.
    found.sort(Comparator.comparingLong(o -> TEMPLATE_PARAMETER.matcher(o.path()).results().count()));
    this.operations = List.copyOf(found);
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
        .metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
        .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT, json))));
    this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
  }

  static ApiContract get() {
    return INSTANCE;
  }

  JsonNode document() {
    return document;
  }

  List<Operation> operations() {
    return operations;
  }

  /** The operation API Gateway would route {@code method path} to, if any. */
  Optional<Operation> operation(String method, String rawPath) {
    // As the dev server's RouteTable reads a path: "/events/" is "/events".
    String path = rawPath.length() > 1 ? rawPath.replaceAll("/+$", "") : rawPath;
    return operations.stream().filter(o -> o.method().equalsIgnoreCase(method))
        .filter(o -> o.pattern().matcher(path).matches()).findFirst();
  }

  /** The problems of {@code value} against the schema at {@code pointer} (a JSON pointer into the document). */
  List<String> validate(String pointer, JsonNode value) {
    JsonSchema schema = schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of(DOCUMENT + "#" + p),
        config));
    var problems = new ArrayList<String>();
    for (ValidationMessage message : schema.validate(value)) {
      problems.add(message.getMessage());
    }
    return problems;
  }

  /**
   * What is wrong with this answer to {@code method path}: nothing when the contract describes it. A path no
   * operation serves must get API Gateway's own 404.
   */
  List<String> check(String method, String path, int status, Map<String, List<String>> headers, byte[] body) {
    var problems = new ArrayList<String>();
    Optional<Operation> operation = operation(method, path);
    String contentType = first(headers, "content-type").orElse("");
    String text = new String(body, StandardCharsets.UTF_8);
    if (operation.isEmpty()) {
      if (status != 404 || !text.equals("{\"message\":\"Not Found\"}")) {
        problems.add("no operation serves " + method + " " + path + ", yet the answer is " + status + " " + text);
      }
      return problems;
    }
    Operation op = operation.get();
    JsonNode responses = op.definition().get("responses");
    String status3 = Integer.toString(status);
    String responseKey = responses.has(status3) ? status3 : responses.has(status3.charAt(0) + "XX")
        ? status3.charAt(0) + "XX" : responses.has("default") ? "default" : null;
    if (responseKey == null) {
      problems.add("status " + status + " is not declared (" + text.substring(0, Math.min(300, text.length())) + ")");
      return problems;
    }
    String responsePointer = op.pointer() + "/responses/" + escape(responseKey);
    JsonNode response = responses.get(responseKey);
    if (response.has("$ref")) {
      responsePointer = response.get("$ref").asText().substring(1);
      response = document.at(responsePointer);
    }
    checkHeaders(response, responsePointer, headers, problems);
    JsonNode content = response.path("content");
    if (body.length == 0) {
      if (!content.isMissingNode() && !content.isEmpty()) {
        problems.add("status " + status + " declares a body, but the answer has none");
      }
      return problems;
    }
    if (content.isMissingNode() || content.isEmpty()) {
      problems.add("status " + status + " declares no body, but the answer has one: " + text);
      return problems;
    }
    String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    String declared = null;
    for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals(mediaType) || name.equals("*/*")
          || name.endsWith("/*") && mediaType.startsWith(name.substring(0, name.length() - 1))) {
        declared = name;
        break;
      }
    }
    if (declared == null) {
      problems.add("Content-Type '" + contentType + "' is not declared for " + status + " (declared: "
          + content.properties().stream().map(Map.Entry::getKey).toList() + ")");
      return problems;
    }
    if (declared.equals("application/json") || declared.endsWith("+json")) {
      JsonNode value;
      try {
        value = Json.MAPPER.readTree(body);
      } catch (IOException e) {
        problems.add("the body is not JSON: " + text);
        return problems;
      }
      String schemaPointer = responsePointer + "/content/" + escape(declared) + "/schema";
      if (!document.at(schemaPointer).isMissingNode()) {
        validate(schemaPointer, value).forEach(p -> problems.add("body " + p));
      }
    }
    return problems;
  }

  private void checkHeaders(JsonNode response, String responsePointer, Map<String, List<String>> headers,
      List<String> problems) {
    JsonNode declared = response.path("headers");
    for (var header : headers.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith(":") || TRANSPORT_HEADERS.contains(name) || EVERY_ANSWER_HEADERS.contains(name)) {
        continue;
      }
      Optional<String> declaredName = declared.properties().stream().map(Map.Entry::getKey)
          .filter(d -> d.equalsIgnoreCase(name)).findFirst();
      if (declaredName.isEmpty()) {
        problems.add("header '" + header.getKey() + ": " + String.join(", ", header.getValue())
            + "' is not declared");
        continue;
      }
      String headerPointer = responsePointer + "/headers/" + escape(declaredName.get());
      JsonNode definition = declared.get(declaredName.get());
      if (definition.has("$ref")) {
        headerPointer = definition.get("$ref").asText().substring(1);
        definition = document.at(headerPointer);
      }
      if (definition.has("schema")) {
        String value = header.getValue().getFirst();
        boolean integer = "integer".equals(definition.path("schema").path("type").asText());
        JsonNode node = integer && value.matches("-?[0-9]{1,18}") ? Json.MAPPER.getNodeFactory().numberNode(
            Long.parseLong(value)) : TextNode.valueOf(value);
        validate(headerPointer + "/schema", node).forEach(p -> problems.add("header " + name + " " + p));
      }
    }
    declared.properties().forEach(entry -> {
      JsonNode definition = entry.getValue().has("$ref")
          ? document.at(entry.getValue().get("$ref").asText().substring(1)) : entry.getValue();
      if (definition.path("required").asBoolean(false) && first(headers, entry.getKey()).isEmpty()) {
        problems.add("the required header " + entry.getKey() + " is missing");
      }
    });
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream()).findFirst();
  }

  private static Pattern pattern(String template) {
    var regex = new StringBuilder("^");
    var matcher = TEMPLATE_PARAMETER.matcher(template);
    int at = 0;
    while (matcher.find()) {
      // Empty too: the dev server hands "/applications//submit" to the function, which answers its own 404.
      regex.append(Pattern.quote(template.substring(at, matcher.start()))).append("[^/]*");
      at = matcher.end();
    }
    return Pattern.compile(regex.append(Pattern.quote(template.substring(at))).append("$").toString());
  }

  /** A JSON pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
