package org.mediaartscities.applications;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A row of the applications table.
 *
 * <pre>
 * application   pk = APP#{id}                         sk = APP              version, doc
 * review        pk = APP#{id}                         sk = REVIEW#{sub}     doc; ref = RECUSED after a recusal
 * file          pk = APP#{id}                         sk = FILE#{file id}   doc
 * file slot     pk = APP#{id}                         sk = SLOT#{field id}#{n}  ref = {file id} (n ≤ maxFiles)
 * erasing       pk = APP#{id}                         sk = ERASING          doc = the tokens' hashes, until erased
 * one per email pk = CALL#{callId}#EMAIL#{emailHash}  sk = UNIQUE           ref = {application id}
 * by address    pk = CALL#{callId}#EMAIL#{emailHash}  sk = APP#{app id}     ref = {application id}
 * mail limit    pk = CALL#{callId}#EMAIL#{emailHash}  sk = MAILED#{kind}     version = last mailed (epoch ms)
 * counter       pk = CALL#{callId}                    sk = COUNTER          n (receipt numbers)
 * decision mail pk = CALL#{callId}                    sk = OUTBOX#{app id}  doc
 * </pre>
 *
 * A submitted application (submitted and not withdrawn) also carries {@code submittedPk = CALL#{callId}} and
 * {@code submittedSk = {submittedAt}#{app id}}, and its reviews {@code {submittedAt}#{app id}#REVIEW#{sub}}: the
 * sparse {@code Submitted} index returns a call's submitted applications in submission order, each followed by its
 * reviews, and never a draft. A withdrawn application leaves the index; its reviews stay in it and readers skip them.
 * (Applications also carry {@code callId} and {@code callSk} for the older {@code ByCall} index, which nothing reads
 * any more; template.yaml keeps it one release, see there.)
 */
record ApplicationRow(String pk, String sk, Long version, String ref, String doc, String callId, String callSk,
    Long expiresAt, String submittedPk, String submittedSk) {

  static final String SUBMITTED = "Submitted";
  static final String REVIEW_PREFIX = "REVIEW#";
  static final String OUTBOX_PREFIX = "OUTBOX#";
  static final String FILE_PREFIX = "FILE#";
  static final String SLOT_PREFIX = "SLOT#";
  static final String ERASING_SK = "ERASING";
  /** An application of an address to a call, found by the address (links mailed on request). */
  static final String BY_ADDRESS_PREFIX = "APP#";
  /** A review row's {@code ref} once its reviewer recused themselves: a later review is refused by condition. */
  static final String RECUSED = "RECUSED";

  // Fixed width, so that the index's string order is the order in time.
  private static final DateTimeFormatter SUBMITTED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  ApplicationRow(String pk, String sk, Long version, String ref, String doc) {
    this(pk, sk, version, ref, doc, null, null, null);
  }

  /**
   * A row; an application's row gets its {@code Submitted} index keys from its document here, the one place that
   * decides them, so that no writer of an application can leave a submitted one out of the index or put a draft in.
   */
  ApplicationRow(String pk, String sk, Long version, String ref, String doc, String callId, String callSk,
      Long expiresAt) {
    Application application = APPLICATION_SK.equals(sk) && doc != null ? ApplicationStore.read(doc) : null;
    boolean submitted = application != null && application.isSubmitted();
    this(pk, sk, version, ref, doc, callId, callSk, expiresAt,
        submitted ? callPk(application.callId()) : null, submitted ? submittedSk(application) : null);
  }

  /** Where a submitted application sorts in its call's {@code Submitted} partition: its time, then its id. */
  static String submittedSk(Application application) {
    Instant at = application.submittedAt();
    return SUBMITTED_AT.format(at) + "#" + application.id();
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
          .addAttribute(String.class, a -> a.name("callId").getter(ApplicationRow::callId).setter(Builder::callId))
          .addAttribute(String.class, a -> a.name("callSk").getter(ApplicationRow::callSk).setter(Builder::callSk))
          .addAttribute(Long.class, a -> a.name("expiresAt").getter(ApplicationRow::expiresAt)
              .setter(Builder::expiresAt))
          .addAttribute(String.class, a -> a.name("submittedPk").getter(ApplicationRow::submittedPk)
              .setter(Builder::submittedPk).tags(secondaryPartitionKey(SUBMITTED)))
          .addAttribute(String.class, a -> a.name("submittedSk").getter(ApplicationRow::submittedSk)
              .setter(Builder::submittedSk).tags(secondarySortKey(SUBMITTED)))
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
    private String submittedPk;
    private String submittedSk;

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

    void submittedPk(String value) {
      submittedPk = value;
    }

    void submittedSk(String value) {
      submittedSk = value;
    }

    ApplicationRow build() {
      return new ApplicationRow(pk, sk, version, ref, doc, callId, callSk, expiresAt, submittedPk, submittedSk);
    }
  }
}
