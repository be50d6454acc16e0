package org.mediaartscities.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderedBodiesTest {

  private static final String BODY = "A *season* of [screens](https://example.org)\n\n<script>alert(1)</script>";

  @Test
  void servesWhatMarkdownRendersTheFirstTimeAndEveryTimeAfter() {
    var bodies = new RenderedBodies();

    String first = bodies.html("item-1", "en", BODY);
    String again = bodies.html("item-1", "en", new String(BODY.toCharArray()));

    assertThat(first).isEqualTo(Markdown.toSafeHtml(BODY)).contains("&lt;script&gt;");
    assertThat(again).isSameAs(first);
  }

  @Test
  void anEditedBodyIsRenderedAgainNotServedFromBefore() {
    var bodies = new RenderedBodies();
    bodies.html("item-1", "en", BODY);

    String edited = bodies.html("item-1", "en", "Edited: **new** text");

    assertThat(edited).isEqualTo("<p>Edited: <strong>new</strong> text</p>\n");
    assertThat(bodies.html("item-1", "en", "Edited: **new** text")).isSameAs(edited);
    assertThat(bodies.size()).isEqualTo(1);
  }

  @Test
  void eachLanguageOfAnItemHasItsOwnEntry() {
    var bodies = new RenderedBodies();

    assertThat(bodies.html("item-1", "en", "Hello")).isEqualTo("<p>Hello</p>\n");
    assertThat(bodies.html("item-1", "fr", "Bonjour")).isEqualTo("<p>Bonjour</p>\n");
    assertThat(bodies.size()).isEqualTo(2);
  }

  @Test
  void aNullBodyIsNullAndNotHeld() {
    var bodies = new RenderedBodies();

    assertThat(bodies.html("item-1", "en", null)).isNull();
    assertThat(bodies.size()).isZero();
  }

  @Test
  void theLeastRecentlyReadEntryLeavesFirstWhenFull() {
    var bodies = new RenderedBodies(2, RenderedBodies.MAX_CHARS);
    bodies.html("a", "en", "A");
    bodies.html("b", "en", "B");
    bodies.html("a", "en", "A");

    bodies.html("c", "en", "C");

    assertThat(bodies.holds("a", "en")).isTrue();
    assertThat(bodies.holds("b", "en")).isFalse();
    assertThat(bodies.holds("c", "en")).isTrue();
    assertThat(bodies.size()).isEqualTo(2);
  }

  @Test
  void theCharactersHeldStayWithinTheBudget() {
    var bodies = new RenderedBodies(RenderedBodies.MAX_ENTRIES, 1_000);
    String body = "x".repeat(200);

    for (int i = 0; i < 20; i++) {
      assertThat(bodies.html("item-" + i, "en", body)).isEqualTo(Markdown.toSafeHtml(body));
    }
    String huge = "y".repeat(5_000);

    assertThat(bodies.html("huge", "en", huge)).isEqualTo(Markdown.toSafeHtml(huge));
    assertThat(bodies.chars()).isLessThanOrEqualTo(1_000);
    assertThat(bodies.holds("huge", "en")).isFalse();
  }
}
