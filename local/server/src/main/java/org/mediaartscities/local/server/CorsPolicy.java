package org.mediaartscities.local.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.local.template.LocalResolver;
import org.mediaartscities.local.template.Template;

/** The HttpApi's {@code CorsConfiguration}, applied as API Gateway applies it. */
record CorsPolicy(List<String> origins, String methods, String headers, String exposeHeaders, String maxAge) {

  static CorsPolicy from(Template template, LocalResolver resolver) {
    Map<String, Object> cors = Map.of();
    for (String api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
      Object configuration = template.properties(api).get("CorsConfiguration");
      if (configuration instanceof Map<?, ?>) {
        cors = Template.map(configuration);
      }
    }
    return new CorsPolicy(list(resolver, cors.get("AllowOrigins")), joined(resolver, cors.get("AllowMethods")),
        joined(resolver, cors.get("AllowHeaders")), joined(resolver, cors.get("ExposeHeaders")),
        cors.get("MaxAge") == null ? null : resolver.string(cors.get("MaxAge")));
  }

  /** The origin to echo back, if the request's origin is allowed. */
  Optional<String> allowedOrigin(String origin) {
    if (origin == null) {
      return Optional.empty();
    }
    return origins.contains("*") ? Optional.of("*") : origins.stream().filter(origin::equals).findFirst();
  }

  private static List<String> list(LocalResolver resolver, Object value) {
    Object resolved = value == null ? List.of() : resolver.resolve(value);
    return resolved instanceof List<?> items ? items.stream().map(Object::toString).toList() : List.of(resolved
        .toString());
  }

  private static String joined(LocalResolver resolver, Object value) {
    List<String> items = list(resolver, value);
    return items.isEmpty() ? null : String.join(",", items);
  }
}
