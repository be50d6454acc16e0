package org.mediaartscities.local.server;

import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import java.util.Map;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.mail.Mailer;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Runs in a fresh JVM on one function's Lambda jar, with no endpoint override, as on Lambda: each AWS client the jar
 * holds is built by {@link AwsClients} and sends one request, which must get as far as looking up the service's host
 * (the JVM is started with an empty hosts file, so the look-up fails and nothing leaves the machine). Prints
 * {@code REACHED <client> <host>} for each, {@code UNUSED <client>} for a client whose class the jar holds but none of
 * whose operations tried here the function calls (the shrunk jar keeps only those it calls), or the failure. A class the jar leaves out but the request path needs
 * fails here, where a local run (which always overrides the endpoint) would not. Run with the local services' endpoints
 * instead, each request is answered: {@code REACHED <client> answered} (or the presigned URL's host), or
 * {@code ANSWERED <client> <status> <code>} for the service's error (no such table, bucket or queue), read back
 * through the jar's own unmarshalling.
 *
 * <p>Each client has its own nested class: a jar without S3 must not need S3's classes to run the DynamoDB check.
 */
public final class AwsReachProbe {

  private AwsReachProbe() {}

  public static void main(String[] args) {
    check("dynamodb", "software.amazon.awssdk.services.dynamodb.DynamoDbClient", DynamoDb::getItem, DynamoDb::query);
    check("s3", "software.amazon.awssdk.services.s3.S3Client", S3::headObject, S3::getObject, S3::putObject,
        S3::deleteObject);
    check("s3-presigner", "software.amazon.awssdk.services.s3.presigner.S3Presigner", S3::presignGet,
        S3::presignPut);
    check("sqs", "software.amazon.awssdk.services.sqs.SqsClient", Sqs::sendMessage, Sqs::sendMessageBatch);
    check("sesv2", "software.amazon.awssdk.services.sesv2.SesV2Client", Ses::send);
    System.out.println("PROBED");
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  /** Sends one request; returns the host it was for. */
  private interface Request {
    String send() throws Exception;
  }

  /**
   * Tries the client's operations in turn until the jar holds one: a jar keeps only the operations its function calls
   * (functions/lambda-shrink.pro), so an operation this probe names may be gone. Only a method missing at the
   * probe's own call is taken for that; one missing deeper, inside the SDK, is a failure.
   */
  private static void check(String client, String clientClass, Request... operations) {
    try {
      Class.forName(clientClass, false, AwsReachProbe.class.getClassLoader());
    } catch (ClassNotFoundException absent) {
      System.out.println("ABSENT " + client);
      return;
    }
    for (Request operation : operations) {
      try {
        System.out.println("REACHED " + client + " " + operation.send());
        return;
      } catch (NoSuchMethodError missing) {
        if (!missing.getStackTrace()[0].getClassName().startsWith(AwsReachProbe.class.getName())) {
          fail(client, missing);
          return;
        }
      } catch (AwsServiceException answered) {
        // The service answered with an error, read back through the jar's error unmarshalling (local services).
        System.out.println("ANSWERED " + client + " " + answered.statusCode() + " "
            + (answered.awsErrorDetails() == null ? "" : answered.awsErrorDetails().errorCode()));
        return;
      } catch (Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
          if (cause instanceof UnknownHostException unknown) {
            System.out.println("REACHED " + client + " " + unknown.getMessage());
            return;
          }
        }
        fail(client, failure);
        return;
      }
    }
    // The function builds this client (its class is here) but calls none of these operations: nothing to reach.
    System.out.println("UNUSED " + client);
  }

  private static void fail(String client, Throwable failure) {
    failure.printStackTrace(System.out);
    System.out.println("FAILED " + client + " " + failure);
  }

  /** Each operation with its request object: the overload every caller's path keeps (the builder's calls it). */
  private static final class DynamoDb {
    static String getItem() {
      AwsClients.dynamoDb().getItem(GetItemRequest.builder().tableName("probe")
          .key(Map.of("pk", AttributeValue.fromS("probe"))).build());
      return "answered";
    }

    static String query() {
      AwsClients.dynamoDb().query(QueryRequest.builder().tableName("probe").keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("probe"))).build());
      return "answered";
    }
  }

  private static final class S3 {
    static String headObject() {
      AwsClients.s3().headObject(HeadObjectRequest.builder().bucket("probe-bucket").key("probe").build());
      return "answered";
    }

    static String getObject() {
      AwsClients.s3().getObject(GetObjectRequest.builder().bucket("probe-bucket").key("probe").build()).abort();
      return "answered";
    }

    static String putObject() {
      // No body: the bucket does not exist, and a server that answers that before reading a body and closes the
      // connection left a body half-written now and then ("Error writing request body to server"), a flaky probe.
      AwsClients.s3().putObject(PutObjectRequest.builder().bucket("probe-bucket").key("probe").build(),
          RequestBody.empty());
      return "answered";
    }

    static String deleteObject() {
      AwsClients.s3().deleteObject(DeleteObjectRequest.builder().bucket("probe-bucket").key("probe").build());
      return "answered";
    }

    static String presignGet() {
      return AwsClients.s3Presigner().presignGetObject(GetObjectPresignRequest.builder()
          .signatureDuration(Duration.ofMinutes(1))
          .getObjectRequest(GetObjectRequest.builder().bucket("probe-bucket").key("probe").build()).build())
          .url().getHost();
    }

    static String presignPut() {
      return AwsClients.s3Presigner().presignPutObject(PutObjectPresignRequest.builder()
          .signatureDuration(Duration.ofMinutes(1))
          .putObjectRequest(PutObjectRequest.builder().bucket("probe-bucket").key("probe").build()).build())
          .url().getHost();
    }
  }

  private static final class Sqs {
    static String sendMessageBatch() {
      AwsClients.sqs().sendMessageBatch(SendMessageBatchRequest.builder()
          .queueUrl("https://sqs.eu-west-3.amazonaws.com/123456789012/probe")
          .entries(List.of(SendMessageBatchRequestEntry.builder().id("probe").messageBody("probe").build())).build());
      return "answered";
    }

    static String sendMessage() {
      AwsClients.sqs().sendMessage(SendMessageRequest.builder()
          .queueUrl("https://sqs.eu-west-3.amazonaws.com/123456789012/probe").messageBody("probe").build());
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
