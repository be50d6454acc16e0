package org.mediaartscities.applications;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A row of the applications table.
 *
 * <pre>
 * application   pk = APP#{id}                         sk = APP              version, doc
 * review        pk = APP#{id}                         sk = REVIEW#{sub}     doc
 * file          pk = APP#{id}                         sk = FILE#{file id}   doc
 * one per email pk = CALL#{callId}#EMAIL#{emailHash}  sk = UNIQUE           ref = {application id}
 * counter       pk = CALL#{callId}                    sk = COUNTER          n (receipt numbers)
 * decision mail pk = CALL#{callId}                    sk = OUTBOX#{app id}  doc
 * </pre>
 *
 * Applications and reviews also carry {@code callId} and {@code callSk} = {@code {app id}#APP} or
 * {@code {app id}#REVIEW#{sub}}: the {@code ByCall} index returns a call's applications, each followed by its
 * reviews, in one Query.
 */
record ApplicationRow(String pk, String sk, Long version, String ref, String doc, String callId, String callSk,
    Long expiresAt) {

  static final String BY_CALL = "ByCall";
  static final String REVIEW_PREFIX = "REVIEW#";
  static final String OUTBOX_PREFIX = "OUTBOX#";
  static final String FILE_PREFIX = "FILE#";

  ApplicationRow(String pk, String sk, Long version, String ref, String doc) {
    this(pk, sk, version, ref, doc, null, null, null);
  }

  static final String APPLICATION_SK = "APP";
  static final String UNIQUE_SK = "UNIQUE";
  static final String COUNTER_SK = "COUNTER";

  static final TableSchema<ApplicationRow> SCHEMA =
      StaticImmutableTableSchema.builder(ApplicationRow.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(String.class, a -> a.name("pk").getter(ApplicationRow::pk).setter(Builder::pk)
              .tags(primaryPartitionKey()))
          .addAttribute(String.class, a -> a.name("sk").getter(ApplicationRow::sk).setter(Builder::sk)
              .tags(primarySortKey()))
          .addAttribute(Long.class, a -> a.name("version").getter(ApplicationRow::version).setter(Builder::version))
          .addAttribute(String.class, a -> a.name("ref").getter(ApplicationRow::ref).setter(Builder::ref))
          .addAttribute(String.class, a -> a.name("doc").getter(ApplicationRow::doc).setter(Builder::doc))
          .addAttribute(String.class, a -> a.name("callId").getter(ApplicationRow::callId).setter(Builder::callId)
              .tags(software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey(BY_CALL)))
          .addAttribute(String.class, a -> a.name("callSk").getter(ApplicationRow::callSk).setter(Builder::callSk)
              .tags(software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey(BY_CALL)))
          .addAttribute(Long.class, a -> a.name("expiresAt").getter(ApplicationRow::expiresAt)
              .setter(Builder::expiresAt))
          .build();

  static String applicationPk(String id) {
    return "APP#" + id;
  }

  static String uniquePk(String callId, String emailHash) {
    return "CALL#" + callId + "#EMAIL#" + emailHash;
  }

  static String callPk(String callId) {
    return "CALL#" + callId;
  }

  /** The builder the enhanced client fills when it reads a row. */
  static final class Builder {
    private String pk;
    private String sk;
    private Long version;
    private String ref;
    private String doc;
    private String callId;
    private String callSk;
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

    void ref(String value) {
      ref = value;
    }

    void doc(String value) {
      doc = value;
    }

    void callId(String value) {
      callId = value;
    }

    void callSk(String value) {
      callSk = value;
    }

    void expiresAt(Long value) {
      expiresAt = value;
    }

    ApplicationRow build() {
      return new ApplicationRow(pk, sk, version, ref, doc, callId, callSk, expiresAt);
    }
  }
}
