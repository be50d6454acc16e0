package org.mediaartscities.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * template.yaml as read: the one description of the system's routes, functions, tables, buckets and queues.
 */
public record Template(Map<String, Object> root) {

  public static final String FUNCTION = "AWS::Serverless::Function";

  /**
   * An HTTP API route: {@code method} and {@code path} as declared, served by a function.
   *
   * @param authorizer the name of the authorizer that guards it, or null for a public route
   * @param scopes the scopes its authorizer requires (any one of them), possibly none
   */
  public record HttpRoute(String functionId, String method, String path, String authorizer, List<String> scopes) {

    public HttpRoute {
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** A public route. */
    public HttpRoute(String functionId, String method, String path) {
      this(functionId, method, path, null, List.of());
    }

    public String routeKey() {
      return method + " " + path;
    }
  }

  /** A JWT authorizer of the HttpApi: the issuer and audiences a token must have (unresolved values). */
  public record JwtAuthorizer(String name, Object issuer, Object audience) {}

  /** The HttpApi's JWT authorizers, by name. */
  public Map<String, JwtAuthorizer> jwtAuthorizers() {
    var authorizers = new LinkedHashMap<String, JwtAuthorizer>();
    for (String api : resourcesOfType("AWS::Serverless::HttpApi")) {
      map(map(properties(api).get("Auth")).get("Authorizers")).forEach((name, definition) -> {
        Map<String, Object> jwt = map(map(definition).get("JwtConfiguration"));
        if (!jwt.isEmpty()) {
          authorizers.put(name, new JwtAuthorizer(name, jwt.get("issuer"), jwt.get("audience")));
        }
      });
    }
    return authorizers;
  }

  public Map<String, Object> resources() {
    return map(root.get("Resources"));
  }

  public Map<String, Object> parameters() {
    return map(root.get("Parameters"));
  }

  public String type(String logicalId) {
    return (String) map(resources().get(logicalId)).get("Type");
  }

  public Map<String, Object> properties(String logicalId) {
    return map(map(resources().get(logicalId)).get("Properties"));
  }

  /** Logical ids of the resources of one type, in template order. */
  public List<String> resourcesOfType(String type) {
    return resources().keySet().stream().filter(id -> type.equals(type(id))).toList();
  }

  /** A function's properties with {@code Globals.Function} applied underneath, as SAM merges them. */
  public Map<String, Object> functionProperties(String logicalId) {
    Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
    return merge(globals, properties(logicalId));
  }

  /** The handler class of a function: the part of {@code Handler} before {@code ::}. */
  public String handlerClass(String functionId) {
    String handler = (String) functionProperties(functionId).get("Handler");
    int colons = handler.indexOf("::");
    return colons < 0 ? handler : handler.substring(0, colons);
  }

  /** The function's {@code Environment.Variables}, unresolved. */
  public Map<String, Object> environment(String functionId) {
    return map(map(functionProperties(functionId).get("Environment")).get("Variables"));
  }

  /**
   * An S3 event of a function: which bucket (logical id), which event names and key filters.
   *
   * @param name the event's name in the function's Events, which S3 reports as the configuration id
   */
  public record S3Subscription(String functionId, String name, String bucketId, List<String> events, String prefix,
      String suffix) {}

  /** Every {@code S3} event of every function. */
  public List<S3Subscription> s3Subscriptions() {
    var subscriptions = new ArrayList<S3Subscription>();
    for (String function : resourcesOfType(FUNCTION)) {
      map(properties(function).get("Events")).forEach((name, event) -> {
        Map<String, Object> definition = map(event);
        if ("S3".equals(definition.get("Type"))) {
          Map<String, Object> properties = map(definition.get("Properties"));
          String bucket = (String) map(properties.get("Bucket")).get("Ref");
          Object events = properties.get("Events");
          List<String> names = events instanceof List<?> list ? list.stream().map(Object::toString).toList()
              : List.of(String.valueOf(events));
          String prefix = null;
          String suffix = null;
          Object rules = map(map(properties.get("Filter")).get("S3Key")).get("Rules");
          if (rules instanceof List<?> list) {
            for (Object rule : list) {
              Map<String, Object> r = map(rule);
              if ("prefix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                prefix = String.valueOf(r.get("Value"));
              } else if ("suffix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                suffix = String.valueOf(r.get("Value"));
              }
            }
          }
          subscriptions.add(new S3Subscription(function, name, bucket, names, prefix, suffix));
        }
      });
    }
    return subscriptions;
  }

  /**
   * An {@code SQS} event of a function: the queue it consumes.
   *
   * @param reportsItemFailures whether the function answers with the messages that failed
   *     ({@code ReportBatchItemFailures}) rather than failing the whole batch
   */
  public record SqsSubscription(String functionId, String name, String queueId, int batchSize,
                                boolean reportsItemFailures) {}

  /**
   * A {@code Schedule} or {@code ScheduleV2} event of a function.
   *
   * @param expression as written, e.g. {@code cron(0 8 ? * MON *)} or {@code rate(1 hour)}, possibly a {@code Ref}
   * @param timeZone IANA zone of a cron expression (ScheduleV2), possibly a {@code Ref}; null for UTC
   * @param input the JSON the function receives, or null
   */
  public record Schedule(String functionId, String name, Object expression, Object timeZone, String input) {}

  /** Every schedule event of every function. */
  public List<Schedule> schedules() {
    var schedules = new ArrayList<Schedule>();
    for (String function : resourcesOfType(FUNCTION)) {
      map(properties(function).get("Events")).forEach((name, event) -> {
        Map<String, Object> definition = map(event);
        if ("Schedule".equals(definition.get("Type")) || "ScheduleV2".equals(definition.get("Type"))) {
          Map<String, Object> properties = map(definition.get("Properties"));
          Object input = properties.get("Input");
          schedules.add(new Schedule(function, name, properties.get(definition.get("Type").equals("Schedule")
              ? "Schedule" : "ScheduleExpression"), properties.get("ScheduleExpressionTimezone"),
              input == null ? null : input.toString()));
        }
      });
    }
    return schedules;
  }

  /** Every {@code SQS} event of every function. */
  public List<SqsSubscription> sqsSubscriptions() {
    var subscriptions = new ArrayList<SqsSubscription>();
    for (String function : resourcesOfType(FUNCTION)) {
      map(properties(function).get("Events")).forEach((name, event) -> {
        Map<String, Object> definition = map(event);
        if ("SQS".equals(definition.get("Type"))) {
          Map<String, Object> properties = map(definition.get("Properties"));
          Object queue = properties.get("Queue");
          Object getAtt = map(queue).get("Fn::GetAtt");
          String queueId = getAtt instanceof List<?> list ? String.valueOf(list.getFirst())
              : String.valueOf(getAtt == null ? queue : getAtt).split("\\.")[0];
          Object batch = properties.get("BatchSize");
          Object types = properties.get("FunctionResponseTypes");
          subscriptions.add(new SqsSubscription(function, name, queueId,
              batch == null ? 10 : Integer.parseInt(batch.toString()),
              types instanceof List<?> list && list.contains("ReportBatchItemFailures")));
        }
      });
    }
    return subscriptions;
  }

  /** Every {@code HttpApi} event of every function. */
  public List<HttpRoute> httpRoutes() {
    var routes = new ArrayList<HttpRoute>();
    for (String function : resourcesOfType(FUNCTION)) {
      for (Object event : map(properties(function).get("Events")).values()) {
        Map<String, Object> definition = map(event);
        if ("HttpApi".equals(definition.get("Type"))) {
          Map<String, Object> properties = map(definition.get("Properties"));
          Map<String, Object> auth = map(properties.get("Auth"));
          String authorizer = (String) auth.get("Authorizer");
          List<String> scopes = auth.get("AuthorizationScopes") instanceof List<?> list
              ? list.stream().map(Object::toString).toList() : List.of();
          routes.add(new HttpRoute(function, ((String) properties.get("Method")).toUpperCase(),
              (String) properties.get("Path"), "NONE".equals(authorizer) ? null : authorizer, scopes));
        }
      }
    }
    return routes;
  }

  /** A YAML mapping as a map; anything else (absent, scalar) as an empty one. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
    var merged = new LinkedHashMap<>(base);
    override.forEach((key, value) -> {
      Object existing = merged.get(key);
      if (existing instanceof Map<?, ?> && value instanceof Map<?, ?> && !isIntrinsic(map(value))) {
        merged.put(key, merge(map(existing), map(value)));
      } else {
        merged.put(key, value);
      }
    });
    return merged;
  }

  private static boolean isIntrinsic(Map<String, Object> value) {
    return value.size() == 1 && value.keySet().stream().anyMatch(k -> k.equals("Ref") || k.startsWith("Fn::"));
  }
}
