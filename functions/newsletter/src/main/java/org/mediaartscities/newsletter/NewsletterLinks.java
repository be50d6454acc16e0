package org.mediaartscities.newsletter;

import org.mediaartscities.shared.env.Env;

/**
 * The website's pages that newsletter emails link to. Tokens go after {@code #}, so that they reach the page's script
 * and never a server's log.
 *
 * @param frontendBaseUrl the website, without a final slash
 */
record NewsletterLinks(String frontendBaseUrl) {

  NewsletterLinks {
    frontendBaseUrl = frontendBaseUrl.replaceAll("/+$", "");
  }

  /** {@code FRONTEND_BASE_URL}, the public website when unset. */
  static NewsletterLinks fromEnvironment() {
    return new NewsletterLinks(Env.optional("FRONTEND_BASE_URL").orElse("https://mediaartscities.com"));
  }

  String confirm(String confirmationToken) {
    return frontendBaseUrl + "/newsletter/confirm#token=" + confirmationToken;
  }

  String preferences(String manageToken) {
    return frontendBaseUrl + "/newsletter/preferences#token=" + manageToken;
  }

  String unsubscribe(String manageToken) {
    return frontendBaseUrl + "/newsletter/unsubscribe#token=" + manageToken;
  }

  /** An item's page on the website. */
  String item(DigestItem item) {
    String path = switch (item.topic()) {
      case NEWS -> "news";
      case EVENTS -> "events";
      case CALLS -> "calls";
    };
    return frontendBaseUrl + "/" + path + "/" + item.slug();
  }
}
