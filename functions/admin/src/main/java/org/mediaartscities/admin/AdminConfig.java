package org.mediaartscities.admin;

import java.time.InstantSource;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.ContentTable;
import java.util.function.Supplier;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.aws.LazyClients;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.env.Secrets;
import org.mediaartscities.shared.http.CursorCodec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * What the admin function is wired with; {@link #fromEnvironment()} reads every variable it uses.
 *
 * @param presigners signs upload URLs; built on first use, as is the S3 client
 * @param s3Clients copy renditions to their public key and back (see {@link MediaVisibility})
 * @param mediaBucket where uploads land
 * @param maxImageBytes the largest upload accepted
 * @param uploadUrlLifetime how long an upload URL stays valid
 */
record AdminConfig(
    ContentRepository repository,
    ContentStore store,
    CursorCodec cursors,
    InstantSource clock,
    Supplier<S3Presigner> presigners,
    Supplier<S3Client> s3Clients,
    String mediaBucket,
    long maxImageBytes,
    java.time.Duration uploadUrlLifetime) {

  static AdminConfig fromEnvironment() {
    var client = AwsClients.dynamoDbEnhanced(AwsClients.dynamoDb());
    var table = ContentTable.from(client);
    return new AdminConfig(
        new ContentRepository(table),
        new ContentStore(client, table),
        new CursorCodec(Secrets.required("CURSOR_SECRET_ID")),
        InstantSource.system(),
        // Only uploads and renditions use S3: listing and editing items pay nothing for it at cold start.
        LazyClients.of(AwsClients::s3Presigner),
        LazyClients.of(AwsClients::s3),
        Env.required("MEDIA_BUCKET"),
        Long.parseLong(Env.optional("MAX_IMAGE_BYTES").orElse("10485760")),
        java.time.Duration.ofSeconds(Long.parseLong(Env.optional("UPLOAD_URL_SECONDS").orElse("600"))));
  }

  /** The same wiring on another clock: tests move time instead of waiting for it. */
  AdminConfig withClock(InstantSource other) {
    return new AdminConfig(repository, store, cursors, other, presigners, s3Clients, mediaBucket, maxImageBytes,
        uploadUrlLifetime);
  }

  S3Presigner presigner() {
    return presigners.get();
  }

  S3Client s3() {
    return s3Clients.get();
  }
}
