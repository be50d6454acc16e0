package org.mediaartscities.local.bench;

import java.util.List;

/**
 * An API-facing function as the cold-start benchmark starts it: its artifact's module, its handler, and the sample
 * event of the first real request it answers (each reads DynamoDB; a 404 on a key that does not exist is a real
 * read too). The goal is the largest ratio to the hello-world floor it may reach (issue #14).
 */
record ColdStartTarget(String function, String module, String handler, String event, double goal) {

  static final ColdStartTarget CONTENT = new ColdStartTarget("ContentFunction", "content",
      "org.mediaartscities.content.ContentHandler", "events/content/list-news.json", 2.0);

  /** Every function behind the HTTP API, content first (MediaFunction answers S3 events only). */
  static final List<ColdStartTarget> API_FUNCTIONS = List.of(
      CONTENT,
      new ColdStartTarget("AdminFunction", "admin", "org.mediaartscities.admin.AdminHandler",
          "events/admin/list-news-drafts.json", 2.5),
      new ColdStartTarget("ApplicationsFunction", "applications",
          "org.mediaartscities.applications.applying.ApplicationsHandler", "events/applications/get-form.json", 2.5),
      new ColdStartTarget("SelectionFunction", "applications",
          "org.mediaartscities.applications.selection.SelectionHandler", "events/selection/list-jurors-calls.json",
          2.5),
      new ColdStartTarget("NewsletterFunction", "newsletter", "org.mediaartscities.newsletter.NewsletterHandler",
          "events/newsletter/list-digests.json", 2.5));
}
