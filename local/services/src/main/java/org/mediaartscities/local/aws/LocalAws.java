package org.mediaartscities.local.aws;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The AWS services the backend uses, as real emulators on loopback in this JVM: DynamoDB Local, S3Proxy and
 * ElasticMQ, plus an outbox standing in for SES. The dev server starts one; tests share {@link #shared()}.
 */
public final class LocalAws implements AutoCloseable {

  /** Letters and digits only: DynamoDB Local refuses other access key ids. */
  public static final String ACCESS_KEY_ID = "local";
  public static final String SECRET_ACCESS_KEY = "localsecret";
  public static final String REGION = "eu-west-3";
  public static final String ACCOUNT_ID = "000000000000";

  private final EmbeddedDynamoDb dynamoDb;
  private final EmbeddedS3 s3;
  private final EmbeddedSqs sqs;
  private final EmbeddedSes ses;

  private LocalAws(EmbeddedDynamoDb dynamoDb, EmbeddedS3 s3, EmbeddedSqs sqs, EmbeddedSes ses) {
    this.dynamoDb = dynamoDb;
    this.s3 = s3;
    this.sqs = sqs;
    this.ses = ses;
  }

  /**
   * Starts the three services.
   *
   * @param dataDir where DynamoDB tables and S3 objects persist across restarts, or null for memory only
   */
  public static LocalAws start(Path dataDir) {
    EmbeddedDynamoDb dynamoDb = null;
    EmbeddedS3 s3 = null;
    try {
      dynamoDb = EmbeddedDynamoDb.start(dataDir == null ? null : dataDir.resolve("dynamodb"));
      s3 = EmbeddedS3.start(dataDir == null ? null : dataDir.resolve("s3"), ACCESS_KEY_ID, SECRET_ACCESS_KEY);
      EmbeddedSes ses = EmbeddedSes.start(dataDir == null ? null : dataDir.resolve("outbox"));
      return new LocalAws(dynamoDb, s3, EmbeddedSqs.start(REGION), ses);
    } catch (Exception e) {
      closeQuietly(s3);
      closeQuietly(dynamoDb);
      throw new IllegalStateException("Could not start the local AWS services: " + e.getMessage(), e);
    }
  }

  /** One in-memory instance per JVM, started on first use and stopped at exit: what tests use. */
  public static LocalAws shared() {
    return SharedHolder.INSTANCE;
  }

  public URI dynamoDbEndpoint() {
    return dynamoDb.endpoint();
  }

  public URI s3Endpoint() {
    return s3.endpoint();
  }

  public URI sqsEndpoint() {
    return sqs.endpoint();
  }

  /** The local outbox: what the functions sent through SES. */
  public EmbeddedSes outbox() {
    return ses;
  }

  /** The variables a function needs to reach these services, under the names the AWS SDK and Lambda use. */
  public Map<String, String> environment() {
    return Map.of(
        "AWS_REGION", REGION,
        "AWS_DEFAULT_REGION", REGION,
        "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
        "AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString(),
        "AWS_ENDPOINT_URL_S3", s3Endpoint().toString(),
        "AWS_ENDPOINT_URL_SQS", sqsEndpoint().toString(),
        "AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString());
  }

  /** The SDK clients of these services, for creating resources and for tests. */
  public LocalClients clients() {
    return new LocalClients(this);
  }

  @Override
  public void close() {
    closeQuietly(ses);
    closeQuietly(sqs);
    closeQuietly(s3);
    closeQuietly(dynamoDb);
  }

  private static void closeQuietly(AutoCloseable service) {
    if (service == null) {
      return;
    }
    try {
      service.close();
    } catch (Exception e) {
      System.err.println("Stopping a local service failed: " + e.getMessage());
    }
  }

  private static final class SharedHolder {
    static final LocalAws INSTANCE = start(null);

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::close, "local-aws-stop"));
    }
  }
}
