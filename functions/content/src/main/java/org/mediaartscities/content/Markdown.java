package org.mediaartscities.content;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders item bodies (CommonMark) to HTML that is safe to insert in a page: raw HTML in the source is escaped,
 * never passed through, and link targets other than http(s), mailto and relative ones are dropped.
 */
final class Markdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private Markdown() {}

  static String toSafeHtml(String markdown) {
    return markdown == null ? null : RENDERER.render(PARSER.parse(markdown));
  }
}
