package org.mediaartscities.applications;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.mediaartscities.shared.content.ContentItem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The receipt numbers of a call's applications, from an atomic counter per call: 1, 2, 3..., never given twice. */
public final class ReceiptNumbers {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  ReceiptNumbers(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  /** The next reference of a call's applications, {@code LYO-2026-0042}. */
  public String next(ContentItem call) {
    return reference(call, nextNumber(call.id()));
  }

  /** {@code LYO-2026-0042}: the city's first three letters, the call's closing year, the number. */
  static String reference(ContentItem call, long number) {
    String city = call.city() == null ? "NET" : call.city().replace("-", "");
    String prefix = (city.length() >= 3 ? city.substring(0, 3) : city).toUpperCase(Locale.ROOT);
    int year = call.call().closesAt().atZone(ZoneId.of(call.call().timeZone())).getYear();
    return prefix + "-" + year + "-" + String.format("%04d", number);
  }

  private long nextNumber(String callId) {
    var result = dynamoDb.updateItem(r -> r.tableName(tableName)
        .key(Map.of("pk", AttributeValue.fromS(ApplicationRow.callPk(callId)),
            "sk", AttributeValue.fromS(ApplicationRow.COUNTER_SK)))
        .updateExpression("ADD #n :one")
        .expressionAttributeNames(Map.of("#n", "n"))
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
        .returnValues(ReturnValue.UPDATED_NEW));
    return Long.parseLong(result.attributes().get("n").n());
  }
}
