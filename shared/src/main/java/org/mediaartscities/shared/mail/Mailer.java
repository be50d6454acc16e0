package org.mediaartscities.shared.mail;

import java.util.function.Supplier;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.aws.LazyClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends emails with Amazon SES v2 (raw MIME content). Locally the SDK's endpoint points to the local outbox, which
 * keeps what would have been sent; the code path is the same.
 */
public final class Mailer {

  private final Supplier<SesV2Client> ses;
  private final String from;
  private final String configurationSet;

  /** @param configurationSet the SES configuration set whose event destination reports bounces, or null */
  public Mailer(Supplier<SesV2Client> ses, String from, String configurationSet) {
    this.ses = ses;
    this.from = from;
    this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
  }

  /**
   * A mailer for the function's region, endpoint and credentials, sending as {@code from}. Its SES client is built
   * on the first email: most requests of the functions that mail send none.
   */
  public static Mailer fromEnvironment(String from) {
    Supplier<SesV2Client> ses = LazyClients.of(AwsClients::sesV2);
    return new Mailer(ses, from, org.mediaartscities.shared.env.Env.optional("SES_CONFIGURATION_SET")
        .orElse(null));
  }

  /** Sends one email; returns the SES message id. */
  public String send(Email email) {
    byte[] raw = MimeMessages.build(from, email);
    return ses.get().sendEmail(r -> r.configurationSetName(configurationSet)
        .content(c -> c.raw(m -> m.data(SdkBytes.fromByteArray(raw))))).messageId();
  }
}
