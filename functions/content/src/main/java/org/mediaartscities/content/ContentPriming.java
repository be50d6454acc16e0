package org.mediaartscities.content;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * ContentFunction's SnapStart hooks: the sample {@code GET /news/{slug}} of events/content, on a slug longer than any
 * stored one (the admin function cuts slugs at 80 characters), so the handler reads the table, answers 404 and
 * writes its JSON error; then the sample {@code GET /news} for a city of that slug, whose query finds nothing. What a found item or a next page would load besides, without a stored item to show, is
 * primed directly: the cursor codec's AES-GCM and the Markdown renderer.
 */
final class ContentPriming extends Priming {

  /** Longer than any slug the admin function stores, and still a valid slug for the route. */
  static final String IMPOSSIBLE_SLUG = "snapstart-priming-" + "0".repeat(72);

  private final ContentHandler handler;
  private final ContentConfig config;
  private volatile APIGatewayV2HTTPResponse answer;
  private volatile APIGatewayV2HTTPResponse listAnswer;

  ContentPriming(ContentHandler handler, ContentConfig config) {
    super("ContentFunction");
    this.handler = handler;
    this.config = config;
  }

  @Override
  protected void prime() {
    APIGatewayV2HTTPEvent event = request("content/get-news.json", "/news/" + IMPOSSIBLE_SLUG, "slug", IMPOSSIBLE_SLUG);
    answer = handler.handleRequest(event, context());
    // The list the site opens first, for a city no stored item can have: its query runs and comes back empty.
    APIGatewayV2HTTPEvent list = sample("content/list-news.json", APIGatewayV2HTTPEvent.class);
    list.setRawQueryString("lang=fr&limit=5&city=" + IMPOSSIBLE_SLUG);
    list.setQueryStringParameters(Map.of("lang", "fr", "limit", "5", "city", IMPOSSIBLE_SLUG));
    listAnswer = handler.handleRequest(list, context());
    String cursor = config.cursors().encode(Map.of("pk", "snapstart-priming"), "snapstart-priming");
    config.cursors().decode(cursor, "snapstart-priming");
    Markdown.toSafeHtml("*SnapStart* [priming](https://example.org)");
  }

  @Override
  protected void refresh() {
    config.cursors().refreshRandomness();
  }

  /** The handler's answer to the priming request, or null before it ran. */
  APIGatewayV2HTTPResponse answer() {
    return answer;
  }

  /** The handler's answer to the priming list request, or null before it ran. */
  APIGatewayV2HTTPResponse listAnswer() {
    return listAnswer;
  }
}
