package org.mediaartscities.shared.content;

import org.mediaartscities.shared.env.Env;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** The content table named by the function's {@code CONTENT_TABLE} variable. */
public final class ContentTable {

  public static final String NAME_VARIABLE = "CONTENT_TABLE";

  private ContentTable() {}

  public static DynamoDbTable<ContentRow> from(DynamoDbEnhancedClient client) {
    return client.table(Env.required(NAME_VARIABLE), ContentRow.SCHEMA);
  }
}
