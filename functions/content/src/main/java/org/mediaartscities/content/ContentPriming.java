package org.mediaartscities.content;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.shared.http.CursorCodec;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * ContentFunction's SnapStart hooks: the sample {@code GET /news/{slug}} of events/content, on a slug longer than any
 * stored one (the admin function cuts slugs at 80 characters), so the handler reads the table, answers 404 and
 * writes its JSON error; then the sample {@code GET /news} for a city of that slug, whose query finds nothing. What a
 * found item or a next page would load besides is primed directly, on an item made in memory: its stored form read
 * back, its views and their JSON, the cursor codec's AES-GCM and the Markdown renderer.
 */
final class ContentPriming extends Priming {

  private static final ContentItem SAMPLE_ITEM = new ContentItem("snapstart-priming", Kind.NEWS, IMPOSSIBLE_SLUG,
      IMPOSSIBLE_SLUG, "fr",
      Map.of("fr", Translation.of("Amorçage", "Un exemple", "*SnapStart* [amorçage](https://example.org)")),
      List.of("priming"), List.of(), PublicationStatus.PUBLISHED, Instant.EPOCH, null, null, null);

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
  protected void prime() throws IOException {
    APIGatewayV2HTTPEvent event = request("content/get-news.json", "/news/" + IMPOSSIBLE_SLUG, "slug", IMPOSSIBLE_SLUG);
    answer = handler.handleRequest(event, context());
    // The list the site opens first, for a city no stored item can have: its query runs and comes back empty.
    APIGatewayV2HTTPEvent list = sample("content/list-news.json", APIGatewayV2HTTPEvent.class);
    list.setRawQueryString("lang=fr&limit=5&city=" + IMPOSSIBLE_SLUG);
    list.setQueryStringParameters(Map.of("lang", "fr", "limit", "5", "city", IMPOSSIBLE_SLUG));
    listAnswer = handler.handleRequest(list, context());
    // What a found item adds, on an item made here (none is stored for priming to find): its stored form read back,
    // its views and their JSON.
    ContentItem item = Json.readStored(Json.write(SAMPLE_ITEM), ContentItem.class);
    Localized text = Localized.of(item, LanguagePreference.of(Optional.of("fr"), null));
    var views = new ItemView(config.mediaBaseUrl());
    Instant now = Instant.now();
    Json.writeForPages(List.of(views.summary(text, now), views.detail(text, now)));
    var cursors = new CursorCodec(Priming.SECRET);
    cursors.decode(cursors.encode(Map.of("pk", "snapstart-priming"), "snapstart-priming"), "snapstart-priming");
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
