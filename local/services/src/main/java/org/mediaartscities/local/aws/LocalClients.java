package org.mediaartscities.local.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients pointed at {@link LocalAws}; each call builds a new client, so close what you take. */
public final class LocalClients {

  private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create(LocalAws.ACCESS_KEY_ID, LocalAws.SECRET_ACCESS_KEY));
  private static final Region REGION = Region.of(LocalAws.REGION);

  private final LocalAws aws;

  LocalClients(LocalAws aws) {
    this.aws = aws;
  }

  public DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(REGION)
        .credentialsProvider(CREDENTIALS).endpointOverride(aws.dynamoDbEndpoint()).build();
  }

  public S3Client s3() {
    return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(REGION)
        .credentialsProvider(CREDENTIALS).endpointOverride(aws.s3Endpoint()).forcePathStyle(true).build();
  }

  public S3Presigner s3Presigner() {
    return S3Presigner.builder().region(REGION).credentialsProvider(CREDENTIALS).endpointOverride(aws.s3Endpoint())
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
            .pathStyleAccessEnabled(true).build())
        .build();
  }

  public SqsClient sqs() {
    return SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(REGION)
        .credentialsProvider(CREDENTIALS).endpointOverride(aws.sqsEndpoint()).build();
  }
}
