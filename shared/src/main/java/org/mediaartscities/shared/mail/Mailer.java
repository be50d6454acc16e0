package org.mediaartscities.shared.mail;

import org.mediaartscities.shared.aws.AwsClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends emails with Amazon SES v2 (raw MIME content). Locally the SDK's endpoint points to the local outbox, which
 * keeps what would have been sent; the code path is the same.
 */
public final class Mailer {

  private final SesV2Client ses;
  private final String from;
  private final String configurationSet;

  public Mailer(SesV2Client ses, String from) {
    this(ses, from, null);
  }

  /** @param configurationSet the SES configuration set whose event destination reports bounces, or null */
  public Mailer(SesV2Client ses, String from, String configurationSet) {
    this.ses = ses;
    this.from = from;
    this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
  }

  /** A mailer for the function's region, endpoint and credentials, sending as {@code from}. */
  public static Mailer fromEnvironment(String from) {
    var builder = SesV2Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(AwsClients.region())
        .credentialsProvider(AwsClients.credentials());
    AwsClients.endpoint("SESV2").ifPresent(builder::endpointOverride);
    return new Mailer(builder.build(), from, org.mediaartscities.shared.env.Env.optional("SES_CONFIGURATION_SET")
        .orElse(null));
  }

  /** Sends one email; returns the SES message id. */
  public String send(Email email) {
    byte[] raw = MimeMessages.build(from, email);
    return ses.sendEmail(r -> r.configurationSetName(configurationSet)
        .content(c -> c.raw(m -> m.data(SdkBytes.fromByteArray(raw))))).messageId();
  }
}
