package org.mediaartscities.local.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import org.mediaartscities.local.aws.LocalAws;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A cheap fingerprint of everything a dev server stores: per table its item count and an order-free sum of its
 * items' hashes, per bucket its keys with their ETags and sizes. Two equal digests: nothing was written, deleted or
 * changed in between (short of a hash collision).
 */
final class StoreDigest implements AutoCloseable {

  private final DynamoDbClient dynamoDb;
  private final S3Client s3;

  private StoreDigest(LocalAws aws) {
    this.dynamoDb = aws.clients().dynamoDb();
    this.s3 = aws.clients().s3();
  }

  /** The digest of {@code server}'s store, read through the local AWS clients. */
  static StoreDigest of(DevServer server) {
    // The dev server keeps its services to itself; a test that checks the store reads the field it holds them in.
    try {
      var field = DevServer.class.getDeclaredField("aws");
      field.setAccessible(true);
      return new StoreDigest((LocalAws) field.get(server));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("DevServer no longer holds its LocalAws in 'aws'", e);
    }
  }

  /** Table and bucket names with their fingerprints. */
  Map<String, String> now() {
    var digest = new TreeMap<String, String>();
    for (String table : dynamoDb.listTablesPaginator(b -> {}).tableNames()) {
      long count = 0;
      long sum = 0;
      for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true))
          .items()) {
        count++;
        sum += hash(new TreeMap<>(item).toString());
      }
      digest.put("table " + table, count + " items, " + Long.toHexString(sum));
    }
    for (Bucket bucket : s3.listBuckets().buckets()) {
      long count = 0;
      long sum = 0;
      for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket.name())).contents()) {
        count++;
        sum += hash(object.key() + " " + object.eTag() + " " + object.size());
      }
      digest.put("bucket " + bucket.name(), count + " objects, " + Long.toHexString(sum));
    }
    return digest;
  }

  private static long hash(String text) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = value << 8 | (sha[i] & 0xFF);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public void close() {
    dynamoDb.close();
    s3.close();
  }
}
