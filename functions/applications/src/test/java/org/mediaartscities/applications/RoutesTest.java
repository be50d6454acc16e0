package org.mediaartscities.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.TemplateLoader;

/**
 * Each API function of this module (ApplicationsFunction, SelectionFunction) serves exactly the routes
 * template.yaml gives it: no route missing, none extra.
 */
class RoutesTest {

  private static final Template TEMPLATE = TemplateLoader.load(RepoPaths.template());

  static Stream<String> apiFunctions() {
    return TEMPLATE.httpRoutes().stream().map(Template.HttpRoute::functionId).distinct()
        .filter(id -> "functions/applications".equals(TEMPLATE.functionProperties(id).get("CodeUri")));
  }

  @Test
  void theModuleServesTheApplicantsAndTheSelectionsRoutes() {
    assertThat(apiFunctions()).containsExactlyInAnyOrder("ApplicationsFunction", "SelectionFunction");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiFunctions")
  void handlerRoutesAreTheTemplatesRoutes(String functionId) throws Exception {
    List<String> declared = TEMPLATE.httpRoutes().stream().filter(r -> r.functionId().equals(functionId))
        .map(Template.HttpRoute::routeKey).toList();

    assertThat(declared).isNotEmpty();
    assertThat(routeKeys(TEMPLATE.handlerClass(functionId))).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void theSelectionsRoutesAreAllBehindTheAuthorizerAndTheApplicantsNone() {
    var routes = TEMPLATE.httpRoutes();

    assertThat(routes.stream().filter(r -> r.functionId().equals("SelectionFunction")))
        .isNotEmpty().allMatch(r -> "CognitoJwt".equals(r.authorizer()) && r.path().startsWith("/admin/"));
    assertThat(routes.stream().filter(r -> r.functionId().equals("ApplicationsFunction")))
        .isNotEmpty().allMatch(r -> r.authorizer() == null && !r.path().startsWith("/admin/"));
  }

  /** The route table of a handler built with its wiring left out: building the table touches none of it. */
  @SuppressWarnings("unchecked")
  private static Set<String> routeKeys(String handlerClass) throws Exception {
    Class<?> type = Class.forName(handlerClass);
    Constructor<?> wired = Arrays.stream(type.getDeclaredConstructors()).filter(c -> c.getParameterCount() == 1)
        .findFirst().orElseThrow();
    wired.setAccessible(true);
    Object handler = wired.newInstance(new Object[] {null});
    return (Set<String>) type.getMethod("routeKeys").invoke(handler);
  }
}
