package org.mediaartscities.content;

import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentTable;

import java.time.InstantSource;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.env.Secrets;
import org.mediaartscities.shared.http.CursorCodec;

/**
 * What the content function is wired with; {@link #fromEnvironment()} reads every variable it uses.
 *
 * @param mediaBaseUrl base URL of public images, or null
 * @param frontendBaseUrl the website, for links in feeds and calendars
 */
record ContentConfig(
    ContentRepository repository,
    CursorCodec cursors,
    InstantSource clock,
    String mediaBaseUrl,
    String frontendBaseUrl) {

  static ContentConfig fromEnvironment() {
    var client = AwsClients.dynamoDbEnhanced(AwsClients.dynamoDb());
    return new ContentConfig(
        new ContentRepository(ContentTable.from(client)),
        new CursorCodec(Secrets.required("CURSOR_SECRET_ID")),
        InstantSource.system(),
        Env.optional("MEDIA_BASE_URL").orElse(null),
        Env.optional("FRONTEND_BASE_URL").orElse("https://mediaartscities.com").replaceAll("/+$", ""));
  }

  /** The same wiring on another clock: tests move time instead of waiting for it. */
  ContentConfig withClock(InstantSource other) {
    return new ContentConfig(repository, cursors, other, mediaBaseUrl, frontendBaseUrl);
  }
}
