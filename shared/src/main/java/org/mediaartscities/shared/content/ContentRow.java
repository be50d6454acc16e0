package org.mediaartscities.shared.content;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One row of the content table, as stored. Keys and index keys are attributes of their own; the record itself
 * (a city or an item) is one JSON document, so the model can grow without a migration. See
 * docs/ARCHITECTURE.md for the access patterns.
 *
 * @param kindPk partition key of the {@code ByKind} index; set only on published items
 * @param cityPk partition key of the {@code ByCity} index; set only on published items
 * @param listSk sort key of both indexes: the instant the kind is listed by, then the id
 * @param ref for a slug row, the id of the item it names
 * @param doc the city, item or history entry as JSON; null for a slug row
 * @param version an item's version, checked by conditional writes (optimistic locking)
 * @param editKindPk partition key of the {@code EditorialByKind} index: every item of a kind, any status
 * @param editCityPk partition key of the {@code EditorialByCity} index
 * @param editSk sort key of both editorial indexes: last change, then id
 * @param meta an item's {@link Editorial} state as JSON
 */
public record ContentRow(String pk, String sk, String kindPk, String cityPk, String listSk, String ref, String doc,
    Long version, String editKindPk, String editCityPk, String editSk, String meta) {

  public static final String BY_KIND = "ByKind";
  public static final String BY_CITY = "ByCity";
  public static final String EDITORIAL_BY_KIND = "EditorialByKind";
  public static final String EDITORIAL_BY_CITY = "EditorialByCity";

  /** A row that is only a key and a document (a city, a history entry). */
  public static ContentRow document(String pk, String sk, String doc) {
    return new ContentRow(pk, sk, null, null, null, null, doc, null, null, null, null, null);
  }

  /**
   * A hand-written schema: reflection-based ones cost tens of milliseconds more at cold start
   * (docs/PERFORMANCE.md).
   */
  public static final TableSchema<ContentRow> SCHEMA =
      StaticImmutableTableSchema.builder(ContentRow.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(String.class, a -> a.name("pk").getter(ContentRow::pk).setter(Builder::pk)
              .tags(primaryPartitionKey()))
          .addAttribute(String.class, a -> a.name("sk").getter(ContentRow::sk).setter(Builder::sk)
              .tags(primarySortKey()))
          .addAttribute(String.class, a -> a.name("kindPk").getter(ContentRow::kindPk).setter(Builder::kindPk)
              .tags(secondaryPartitionKey(BY_KIND)))
          .addAttribute(String.class, a -> a.name("cityPk").getter(ContentRow::cityPk).setter(Builder::cityPk)
              .tags(secondaryPartitionKey(BY_CITY)))
          .addAttribute(String.class, a -> a.name("listSk").getter(ContentRow::listSk).setter(Builder::listSk)
              .tags(secondarySortKey(List.of(BY_KIND, BY_CITY))))
          .addAttribute(String.class, a -> a.name("ref").getter(ContentRow::ref).setter(Builder::ref))
          .addAttribute(String.class, a -> a.name("doc").getter(ContentRow::doc).setter(Builder::doc))
          .addAttribute(Long.class, a -> a.name("version").getter(ContentRow::version).setter(Builder::version))
          .addAttribute(String.class, a -> a.name("editKindPk").getter(ContentRow::editKindPk)
              .setter(Builder::editKindPk).tags(secondaryPartitionKey(EDITORIAL_BY_KIND)))
          .addAttribute(String.class, a -> a.name("editCityPk").getter(ContentRow::editCityPk)
              .setter(Builder::editCityPk).tags(secondaryPartitionKey(EDITORIAL_BY_CITY)))
          .addAttribute(String.class, a -> a.name("editSk").getter(ContentRow::editSk).setter(Builder::editSk)
              .tags(secondarySortKey(List.of(EDITORIAL_BY_KIND, EDITORIAL_BY_CITY))))
          .addAttribute(String.class, a -> a.name("meta").getter(ContentRow::meta).setter(Builder::meta))
          .build();

  /** The mutable builder the enhanced client fills when it reads a row. */
  public static final class Builder {
    private String pk;
    private String sk;
    private String kindPk;
    private String cityPk;
    private String listSk;
    private String ref;
    private String doc;
    private Long version;
    private String editKindPk;
    private String editCityPk;
    private String editSk;
    private String meta;

    void pk(String value) {
      pk = value;
    }

    void sk(String value) {
      sk = value;
    }

    void kindPk(String value) {
      kindPk = value;
    }

    void cityPk(String value) {
      cityPk = value;
    }

    void listSk(String value) {
      listSk = value;
    }

    void ref(String value) {
      ref = value;
    }

    void doc(String value) {
      doc = value;
    }

    void version(Long value) {
      version = value;
    }

    void editKindPk(String value) {
      editKindPk = value;
    }

    void editCityPk(String value) {
      editCityPk = value;
    }

    void editSk(String value) {
      editSk = value;
    }

    void meta(String value) {
      meta = value;
    }

    ContentRow build() {
      return new ContentRow(pk, sk, kindPk, cityPk, listSk, ref, doc, version, editKindPk, editCityPk, editSk, meta);
    }
  }
}
