package org.mediaartscities.applications;

import org.mediaartscities.shared.env.Env;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The applications table ({@code APPLICATIONS_TABLE}) and the stores that share it, one per kind of row (see
 * {@link ApplicationRow}): each function takes the stores it uses.
 */
public final class ApplicationsTable {

  private final DynamoDbClient dynamoDb;
  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ApplicationRow> table;

  private ApplicationsTable(DynamoDbClient dynamoDb, DynamoDbEnhancedClient client,
      DynamoDbTable<ApplicationRow> table) {
    this.dynamoDb = dynamoDb;
    this.client = client;
    this.table = table;
  }

  public static ApplicationsTable fromEnvironment(DynamoDbClient dynamoDb, DynamoDbEnhancedClient client) {
    return new ApplicationsTable(dynamoDb, client, client.table(Env.required("APPLICATIONS_TABLE"),
        ApplicationRow.SCHEMA));
  }

  public ApplicationStore applications() {
    return new ApplicationStore(client, table);
  }

  public ApplicationFileStore files() {
    return new ApplicationFileStore(client, table);
  }

  public ReviewStore reviews() {
    return new ReviewStore(table);
  }

  public DecisionOutbox outbox() {
    return new DecisionOutbox(client, table);
  }

  public ReceiptNumbers receiptNumbers() {
    return new ReceiptNumbers(dynamoDb, table.tableName());
  }

  public ExportJobs exportJobs() {
    return new ExportJobs(table);
  }
}
