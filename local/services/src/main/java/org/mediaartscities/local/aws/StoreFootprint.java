package org.mediaartscities.local.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A cheap fingerprint of everything the local services hold, for tests that must show a call changed nothing: per
 * table its item count and an order-free sum of its items' hashes, per bucket its keys with their ETags and sizes,
 * per queue its messages, and the mails in the outbox. Two equal footprints around a call: it wrote, deleted,
 * changed, queued and sent nothing (short of a hash collision).
 *
 * @param tables table name to its items' count and hash sum
 * @param buckets bucket name to its objects' count and hash sum
 * @param queues queue URL to its visible and in-flight messages
 * @param mails emails in the local outbox
 */
public record StoreFootprint(Map<String, Print> tables, Map<String, Print> buckets, Map<String, Integer> queues,
    long mails) {

  /** How many records a table or bucket holds, and the order-free sum of their hashes. */
  public record Print(long count, long sum) {
    @Override
    public String toString() {
      return count + " held, " + Long.toHexString(sum);
    }
  }

  /** The footprint of what {@code aws} holds now (consistent reads). */
  public static StoreFootprint of(LocalAws aws) {
    var clients = aws.clients();
    var tables = new TreeMap<String, Print>();
    var buckets = new TreeMap<String, Print>();
    var queues = new TreeMap<String, Integer>();
    try (var dynamoDb = clients.dynamoDb(); var s3 = clients.s3(); var sqs = clients.sqs()) {
      for (String table : dynamoDb.listTablesPaginator(b -> {}).tableNames()) {
        long count = 0;
        long sum = 0;
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true))
            .items()) {
          count++;
          sum += hash(new TreeMap<>(item).toString());
        }
        tables.put(table, new Print(count, sum));
      }
      for (Bucket bucket : s3.listBuckets().buckets()) {
        long count = 0;
        long sum = 0;
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket.name())).contents()) {
          count++;
          sum += hash(object.key() + " " + object.eTag() + " " + object.size());
        }
        buckets.put(bucket.name(), new Print(count, sum));
      }
      for (String url : sqs.listQueues().queueUrls()) {
        queues.put(url, sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
            .mapToInt(Integer::parseInt).sum());
      }
    }
    return new StoreFootprint(tables, buckets, queues, aws.outbox().count());
  }

  /**
   * Tables and buckets only: what a running dev server changes only when asked. Its queue pollers and mails move by
   * themselves while an accepted request's work (an export, a file check) finishes.
   */
  public Map<String, String> stored() {
    var stored = new TreeMap<String, String>();
    tables.forEach((name, print) -> stored.put("table " + name, print.toString()));
    buckets.forEach((name, print) -> stored.put("bucket " + name, print.toString()));
    return stored;
  }

  /** The items in the table of that physical name (0 when there is no such table). */
  public long itemsIn(String table) {
    return tables.containsKey(table) ? tables.get(table).count() : 0;
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
}
