package org.mediaartscities.local.server;

import java.net.UnknownHostException;
import java.util.Map;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.mail.Mailer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs in a fresh JVM on one function's Lambda jar, with no endpoint override, as on Lambda: each AWS client the jar
 * holds is built by {@link AwsClients} and sends one request, which must get as far as looking up the service's host
 * (the JVM is started with an empty hosts file, so the look-up fails and nothing leaves the machine). Prints
 * {@code REACHED <client> <host>} for each, or the failure. A class the jar leaves out but the request path needs
 * fails here, where a local run (which always overrides the endpoint) would not.
 *
 * <p>Each client has its own nested class: a jar without S3 must not need S3's classes to run the DynamoDB check.
 */
public final class AwsReachProbe {

  private AwsReachProbe() {}

  public static void main(String[] args) {
    check("dynamodb", "software.amazon.awssdk.services.dynamodb.DynamoDbClient", DynamoDb::send);
    check("s3", "software.amazon.awssdk.services.s3.S3Client", S3::send);
    check("s3-presigner", "software.amazon.awssdk.services.s3.presigner.S3Presigner", S3::presign);
    check("sqs", "software.amazon.awssdk.services.sqs.SqsClient", Sqs::send);
    check("sesv2", "software.amazon.awssdk.services.sesv2.SesV2Client", Ses::send);
    System.out.println("PROBED");
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  /** Sends one request; returns the host it was for. */
  private interface Request {
    String send() throws Exception;
  }

  private static void check(String client, String clientClass, Request request) {
    try {
      Class.forName(clientClass, false, AwsReachProbe.class.getClassLoader());
    } catch (ClassNotFoundException absent) {
      System.out.println("ABSENT " + client);
      return;
    }
    try {
      System.out.println("REACHED " + client + " " + request.send());
    } catch (Throwable failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof UnknownHostException unknown) {
          System.out.println("REACHED " + client + " " + unknown.getMessage());
          return;
        }
      }
      failure.printStackTrace(System.out);
      System.out.println("FAILED " + client + " " + failure);
    }
  }

  private static final class DynamoDb {
    static String send() {
      AwsClients.dynamoDb().getItem(r -> r.tableName("probe").key(Map.of("pk", AttributeValue.fromS("probe"))));
      return "answered";
    }
  }

  private static final class S3 {
    static String send() {
      AwsClients.s3().headObject(r -> r.bucket("probe-bucket").key("probe"));
      return "answered";
    }

    static String presign() {
      return AwsClients.s3Presigner().presignGetObject(r -> r.signatureDuration(java.time.Duration.ofMinutes(1))
          .getObjectRequest(g -> g.bucket("probe-bucket").key("probe"))).url().getHost();
    }
  }

  private static final class Sqs {
    static String send() {
      AwsClients.sqs().sendMessage(r -> r.queueUrl("https://sqs.eu-west-3.amazonaws.com/123456789012/probe")
          .messageBody("probe"));
      return "answered";
    }
  }

  /** Through the mailer, so that the MIME message is built from the jar too. */
  private static final class Ses {
    static String send() {
      new Mailer(AwsClients::sesV2, "probe@example.org", null)
          .send(new Email("someone@example.org", "Probe", "Probe", "<p>Probe</p>", "en"));
      return "answered";
    }
  }
}
