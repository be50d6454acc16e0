package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.TemplateLoader;

class AdminRoutesTest {

  @Test
  void handlerRoutesAreTheTemplatesRoutes() {
    Template template = TemplateLoader.load(RepoPaths.template());
    var declared = template.httpRoutes().stream().filter(r -> r.functionId().equals("AdminFunction"))
        .map(Template.HttpRoute::routeKey).toList();
    var config = new AdminConfig(null, null, null, null, null, null, "media", 1, java.time.Duration.ofSeconds(1));

    assertThat(declared).isNotEmpty();
    assertThat(new AdminHandler(config).router().routeKeys()).containsExactlyInAnyOrderElementsOf(declared);
  }
}
