package org.mediaartscities.content;

import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes cities and items. An item and the row reserving its slug are written in one transaction, so a slug
 * names at most one item of a kind, under any concurrency.
 */
public final class ContentStore {

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ContentRow> table;

  public ContentStore(DynamoDbEnhancedClient client, DynamoDbTable<ContentRow> table) {
    this.client = client;
    this.table = table;
  }

  public void putCity(City city) {
    table.putItem(new ContentRow(ContentKeys.CITY_PK, city.slug(), null, null, null, null, Json.write(city)));
  }

  /**
   * Creates or replaces an item and reserves its slug.
   *
   * @throws SlugTakenException when another item of its kind already holds the slug
   */
  public void putItem(ContentItem item) {
    boolean listed = item.status() == PublicationStatus.PUBLISHED && item.publishedAt() != null;
    var itemRow = new ContentRow(ContentKeys.itemPk(item.id()), ContentKeys.ITEM_SK,
        listed ? ContentKeys.kindPk(item.kind()) : null,
        listed ? ContentKeys.cityPk(item.kind(), item.city()) : null,
        listed ? ContentKeys.listSk(item) : null,
        null, Json.write(item));
    var slugRow = new ContentRow(ContentKeys.slugPk(item.kind(), item.slug()), ContentKeys.SLUG_SK,
        null, null, null, item.id(), null);
    Expression slugIsFreeOrOurs = Expression.builder()
        .expression("attribute_not_exists(pk) OR #ref = :id")
        .putExpressionName("#ref", "ref")
        .putExpressionValue(":id", AttributeValue.fromS(item.id()))
        .build();
    try {
      client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
          .addPutItem(table, itemRow)
          .addPutItem(table, TransactPutItemEnhancedRequest.builder(ContentRow.class)
              .item(slugRow).conditionExpression(slugIsFreeOrOurs).build())
          .build());
    } catch (TransactionCanceledException e) {
      if (e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
        throw new SlugTakenException(item.kind(), item.slug());
      }
      throw e;
    }
  }
}
