package org.mediaartscities.applications;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.mediaartscities.shared.content.ContentItem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The receipt numbers of a call's applications: 1, 2, 3..., never given twice and without gaps. A number is taken
 * only when a submission is stored ({@link ApplicationStore#submit}, which moves the call's counter in the same
 * transaction); drafts have none.
 */
public final class ReceiptNumbers {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  ReceiptNumbers(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  /** The last number given to the call's applications (0 before the first), strongly consistent. */
  public long last(String callId) {
    var item = dynamoDb.getItem(r -> r.tableName(tableName).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(ApplicationRow.callPk(callId)),
            "sk", AttributeValue.fromS(ApplicationRow.COUNTER_SK)))).item();
    // The counter is kept in "version"; tables written before numbers were given at submission kept it in "n".
    long last = 0;
    for (String attribute : new String[] {"version", "n"}) {
      AttributeValue value = item == null ? null : item.get(attribute);
      if (value != null && value.n() != null) {
        last = Math.max(last, Long.parseLong(value.n()));
      }
    }
    return last;
  }

  /** {@code LYO-2026-0042}: the city's first three letters, the call's closing year, the number. */
  public static String reference(ContentItem call, long number) {
    String city = call.city() == null ? "NET" : call.city().replace("-", "");
    String prefix = (city.length() >= 3 ? city.substring(0, 3) : city).toUpperCase(Locale.ROOT);
    int year = call.call().closesAt().atZone(ZoneId.of(call.call().timeZone())).getYear();
    return prefix + "-" + year + "-" + String.format("%04d", number);
  }
}
