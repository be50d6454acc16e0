package org.mediaartscities.shared.aws;

import java.net.URI;
import java.util.Optional;
import org.mediaartscities.shared.env.Env;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the AWS clients a function needs, once per container, from {@link Env}.
 *
 * <p>Region, credentials and HTTP client are set explicitly rather than discovered: discovery walks several
 * providers at cold start (docs/PERFORMANCE.md). On Lambda the runtime sets {@code AWS_REGION} and the role's
 * credentials as variables; locally the dev server sets them and {@code AWS_ENDPOINT_URL_<SERVICE>}, the SDK's
 * standard names for an endpoint override.
 */
public final class AwsClients {

  private AwsClients() {}

  /** A DynamoDB client for this function's region, endpoint and credentials. */
  public static DynamoDbClient dynamoDb() {
    return configured(DynamoDbClient.builder(), "DYNAMODB").build();
  }

  /**
   * The enhanced (object-mapping) client over {@link #dynamoDb()}, without the default extensions: no schema has a
   * version or counter attribute (conditions are written out in the stores), and loading the extensions costs
   * every cold start their classes.
   */
  public static DynamoDbEnhancedClient dynamoDbEnhanced(DynamoDbClient client) {
    return DynamoDbEnhancedClient.builder().dynamoDbClient(client).extensions().build();
  }

  /** An S3 client (needs the optional {@code s3} dependency in the function's POM). */
  public static software.amazon.awssdk.services.s3.S3Client s3() {
    var builder = configured(software.amazon.awssdk.services.s3.S3Client.builder(), "S3");
    // Locally the S3-compatible server answers on one host, so buckets go in the path.
    endpoint("S3").ifPresent(endpoint -> builder.forcePathStyle(true));
    return builder.build();
  }

  /** An S3 presigner for upload and download URLs (needs the optional {@code s3} dependency). */
  public static software.amazon.awssdk.services.s3.presigner.S3Presigner s3Presigner() {
    var builder = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
        .region(region())
        .credentialsProvider(credentials());
    // Locally the S3-compatible server answers on one host, so buckets go in the path.
    endpoint("S3").ifPresent(endpoint -> builder.endpointOverride(endpoint).serviceConfiguration(
        software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    return builder.build();
  }

  /** An SQS client (needs the optional {@code sqs} dependency in the function's POM). */
  public static software.amazon.awssdk.services.sqs.SqsClient sqs() {
    return configured(software.amazon.awssdk.services.sqs.SqsClient.builder(), "SQS").build();
  }

  /** An SES v2 client, for raw MIME messages (needs the optional {@code sesv2} dependency). */
  public static software.amazon.awssdk.services.sesv2.SesV2Client sesV2() {
    return configured(software.amazon.awssdk.services.sesv2.SesV2Client.builder(), "SESV2").build();
  }

  /** Every client's one configuration: the URL-connection HTTP client, region, credentials and endpoint. */
  private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(B builder,
      String service) {
    builder.httpClient(UrlConnectionHttpClient.create()).region(region()).credentialsProvider(credentials());
    endpoint(service).ifPresent(builder::endpointOverride);
    return builder;
  }

  /** The region Lambda (or the dev server) runs the function in. */
  public static Region region() {
    return Region.of(Env.optional("AWS_REGION").orElse("eu-west-3"));
  }

  /** The endpoint override for a service, e.g. {@code AWS_ENDPOINT_URL_DYNAMODB}, or the global one. */
  public static Optional<URI> endpoint(String service) {
    return Env.optional("AWS_ENDPOINT_URL_" + service).or(() -> Env.optional("AWS_ENDPOINT_URL")).map(URI::create);
  }

  /** The credentials from the environment; the default chain only where none are set (e.g. on a laptop). */
  public static AwsCredentialsProvider credentials() {
    Optional<String> keyId = Env.optional("AWS_ACCESS_KEY_ID");
    Optional<String> secret = Env.optional("AWS_SECRET_ACCESS_KEY");
    if (keyId.isEmpty() || secret.isEmpty()) {
      return DefaultCredentialsProvider.builder().build();
    }
    AwsCredentials credentials = Env.optional("AWS_SESSION_TOKEN")
        .<AwsCredentials>map(token -> AwsSessionCredentials.create(keyId.get(), secret.get(), token))
        .orElseGet(() -> AwsBasicCredentials.create(keyId.get(), secret.get()));
    return StaticCredentialsProvider.create(credentials);
  }
}
