package org.mediaartscities.media;

import java.time.InstantSource;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.aws.AwsClients;
import software.amazon.awssdk.services.s3.S3Client;

/** What the media function is wired with, from its environment. */
record MediaConfig(ContentRepository repository, ContentStore store, S3Client s3, InstantSource clock) {

  static MediaConfig fromEnvironment() {
    var client = AwsClients.dynamoDbEnhanced(AwsClients.dynamoDb());
    var table = ContentTable.from(client);
    return new MediaConfig(new ContentRepository(table), new ContentStore(client, table), AwsClients.s3(),
        InstantSource.system());
  }
}
