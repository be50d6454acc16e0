package org.mediaartscities.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.TemplateLoader;

/** The handler serves exactly the routes template.yaml gives ContentFunction: no route missing, none extra. */
class ContentRoutesTest {

  @Test
  void handlerRoutesAreTheTemplatesRoutes() {
    Template template = TemplateLoader.load(RepoPaths.template());
    var declared = template.httpRoutes().stream().filter(r -> r.functionId().equals("ContentFunction"))
        .map(Template.HttpRoute::routeKey).toList();
    var config = new ContentConfig(null, null, null, null, "https://example.org");

    assertThat(new ContentHandler(config).router().routeKeys()).containsExactlyInAnyOrderElementsOf(declared);
  }
}
