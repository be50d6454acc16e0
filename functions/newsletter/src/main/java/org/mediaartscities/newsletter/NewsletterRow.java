package org.mediaartscities.newsletter;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import org.mediaartscities.shared.env.Env;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One row of the newsletter table.
 *
 * <pre>
 * subscriber    pk = SUB#{id}          sk = SUB              version, doc, shard (only while confirmed)
 * digest sent   pk = SUB#{id}          sk = SENT#{run id}    expiresAt: the idempotency record of one send
 * digest run    pk = RUN#{run id}      sk = RUN              doc: what was planned, and the public archive's data
 * chain head    pk = LAST#{frequency}  sk = LAST             version, doc: the newest run of that frequency, where
 *                                                            the next one starts
 * archive list  pk = DIGESTS           sk = {published}#{id} doc: the public list of digests, newest first
 * </pre>
 *
 * <p>The sparse {@code Confirmed} index (partition {@code shard} = {@code {frequency}#{0..15}}, sort {@code pk})
 * holds confirmed subscribers only: the planner reads its sixteen partitions instead of scanning the table.
 */
record NewsletterRow(String pk, String sk, Long version, String doc, String shard, Long expiresAt) {

  static final String CONFIRMED = "Confirmed";
  static final String SUBSCRIBER_SK = "SUB";
  static final int SHARDS = 16;

  static final TableSchema<NewsletterRow> SCHEMA =
      TableSchema.builder(NewsletterRow.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(String.class, a -> a.name("pk").getter(NewsletterRow::pk).setter(Builder::pk)
              .tags(primaryPartitionKey(), secondarySortKey(CONFIRMED)))
          .addAttribute(String.class, a -> a.name("sk").getter(NewsletterRow::sk).setter(Builder::sk)
              .tags(primarySortKey()))
          .addAttribute(Long.class, a -> a.name("version").getter(NewsletterRow::version).setter(Builder::version))
          .addAttribute(String.class, a -> a.name("doc").getter(NewsletterRow::doc).setter(Builder::doc))
          .addAttribute(String.class, a -> a.name("shard").getter(NewsletterRow::shard).setter(Builder::shard)
              .tags(secondaryPartitionKey(CONFIRMED)))
          .addAttribute(Long.class, a -> a.name("expiresAt").getter(NewsletterRow::expiresAt)
              .setter(Builder::expiresAt))
          .build();

  /** The table named by the function's {@code NEWSLETTER_TABLE} variable. */
  static DynamoDbTable<NewsletterRow> table(DynamoDbEnhancedClient client) {
    return client.table(Env.required("NEWSLETTER_TABLE"), SCHEMA);
  }

  static String subscriberPk(String id) {
    return "SUB#" + id;
  }

  /** The builder the enhanced client fills when it reads a row. */
  static final class Builder {
    private String pk;
    private String sk;
    private Long version;
    private String doc;
    private String shard;
    private Long expiresAt;

    void pk(String value) {
      pk = value;
    }

    void sk(String value) {
      sk = value;
    }

    void version(Long value) {
      version = value;
    }

    void doc(String value) {
      doc = value;
    }

    void shard(String value) {
      shard = value;
    }

    void expiresAt(Long value) {
      expiresAt = value;
    }

    NewsletterRow build() {
      return new NewsletterRow(pk, sk, version, doc, shard, expiresAt);
    }
  }
}
