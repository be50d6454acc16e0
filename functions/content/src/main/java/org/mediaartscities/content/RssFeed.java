package org.mediaartscities.content;

import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.content.Translation;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The news as an RSS 2.0 feed, written with the JDK's StAX writer so every text is escaped. */
final class RssFeed {

  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private RssFeed() {}

  /**
   * @param frontendBaseUrl where the website shows an item: {@code {base}/news/{slug}}
   * @param lang the language the feed is in (items fall back item by item)
   */
  static String write(List<Localized> news, String frontendBaseUrl, String lang, String title, Instant now) {
    var out = new StringWriter();
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("rss");
      xml.writeAttribute("version", "2.0");
      xml.writeStartElement("channel");
      element(xml, "title", title);
      element(xml, "link", frontendBaseUrl + "/news");
      element(xml, "description", lang.startsWith("fr")
          ? "Actualités des villes créatives UNESCO des arts numériques"
          : "News from the UNESCO Creative Cities of Media Arts");
      element(xml, "language", lang);
      element(xml, "lastBuildDate", rfc822(now));
      for (Localized text : news) {
        ContentItem item = text.item();
        xml.writeStartElement("item");
        element(xml, "title", text.field(Translation::title));
        element(xml, "link", frontendBaseUrl + "/news/" + item.slug());
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters(item.id());
        xml.writeEndElement();
        element(xml, "pubDate", rfc822(item.publishedAt()));
        element(xml, "description", text.field(Translation::summary));
        for (String tag : item.tags()) {
          element(xml, "category", tag);
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Writing XML to a string cannot fail", e);
    }
    return out.toString();
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    if (text == null) {
      return;
    }
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static String rfc822(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }
}
