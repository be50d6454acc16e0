package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.template.Template.HttpRoute;

class RouteTableTest {

  private final RouteTable routes = new RouteTable(List.of(
      new HttpRoute("F", "GET", "/news/{slug}"),
      new HttpRoute("F", "GET", "/news/feed.rss"),
      new HttpRoute("F", "GET", "/news"),
      new HttpRoute("G", "ANY", "/files/{proxy+}"),
      new HttpRoute("F", "POST", "/calls/{slug}/applications")));

  @Test
  void aLiteralSegmentBeatsAParameter() {
    assertThat(routes.match("GET", "/news/feed.rss").orElseThrow().route().path()).isEqualTo("/news/feed.rss");
    var match = routes.match("GET", "/news/hello-world").orElseThrow();
    assertThat(match.route().path()).isEqualTo("/news/{slug}");
    assertThat(match.pathParameters()).isEqualTo(Map.of("slug", "hello-world"));
  }

  @Test
  void parametersAreDecoded() {
    assertThat(routes.match("GET", "/news/ko%C5%A1ice").orElseThrow().pathParameters())
        .containsEntry("slug", "košice");
  }

  @Test
  void aGreedyProxyTakesTheRestOfThePathForAnyMethod() {
    var match = routes.match("DELETE", "/files/a/b/c.png").orElseThrow();
    assertThat(match.pathParameters()).containsEntry("proxy", "a/b/c.png");
    assertThat(routes.match("GET", "/files")).isEmpty();
  }

  @Test
  void methodAndSegmentCountMustMatch() {
    assertThat(routes.match("POST", "/news")).isEmpty();
    assertThat(routes.match("GET", "/news/a/b")).isEmpty();
    assertThat(routes.match("POST", "/calls/x/applications").orElseThrow().route().functionId()).isEqualTo("F");
  }
}
