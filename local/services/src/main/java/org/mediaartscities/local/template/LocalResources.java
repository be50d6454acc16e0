package org.mediaartscities.local.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mediaartscities.local.aws.LocalClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the tables (keys and indexes), buckets and queues that template.yaml declares, on the local services.
 * Existing ones are kept with their data.
 */
public final class LocalResources {

  private LocalResources() {}

  /** @return a line per resource, for the dev server's start-up report */
  public static List<String> create(Template template, LocalResolver resolver, LocalClients clients) {
    var report = new ArrayList<String>();
    try (DynamoDbClient dynamoDb = clients.dynamoDb(); S3Client s3 = clients.s3(); SqsClient sqs = clients.sqs()) {
      for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
        report.add(table(dynamoDb, resolver.physicalName(id), template.properties(id)));
      }
      for (String id : template.resourcesOfType("AWS::S3::Bucket")) {
        String name = resolver.physicalName(id);
        try {
          s3.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException e) {
          // kept from an earlier run
        }
        report.add("bucket " + name);
      }
      // Dead-letter queues first: a queue's redrive policy names one that must exist.
      var queues = new java.util.ArrayList<>(template.resourcesOfType("AWS::SQS::Queue"));
      queues.sort(java.util.Comparator.comparing(id -> template.properties(id).containsKey("RedrivePolicy")));
      for (String id : queues) {
        String name = resolver.physicalName(id);
        var attributes = new HashMap<QueueAttributeName, String>();
        Map<String, Object> properties = template.properties(id);
        if (Boolean.TRUE.equals(properties.get("FifoQueue"))) {
          attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        if (properties.get("VisibilityTimeout") != null) {
          attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, resolver.string(properties.get("VisibilityTimeout")));
        }
        if (properties.get("RedrivePolicy") != null) {
          Map<String, Object> redrive = Template.map(properties.get("RedrivePolicy"));
          attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\""
              + resolver.string(redrive.get("deadLetterTargetArn")) + "\",\"maxReceiveCount\":\""
              + resolver.string(redrive.get("maxReceiveCount")) + "\"}");
        }
        sqs.createQueue(b -> b.queueName(name).attributes(attributes));
        report.add("queue " + name);
      }
    }
    return report;
  }

  /**
   * Creates one table as the template declares it (key schema, attribute definitions, GSIs), on any DynamoDB
   * endpoint: the local one, or LocalStack in the Docker-based tests.
   */
  public static String table(DynamoDbClient dynamoDb, String name, Map<String, Object> properties) {
    var request = CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(list(properties.get("AttributeDefinitions")).stream()
            .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                .attributeType((String) a.get("AttributeType")).build())
            .toList())
        .keySchema(keySchema(properties.get("KeySchema")));
    List<Map<String, Object>> indexes = list(properties.get("GlobalSecondaryIndexes"));
    if (!indexes.isEmpty()) {
      request.globalSecondaryIndexes(indexes.stream().map(index -> GlobalSecondaryIndex.builder()
          .indexName((String) index.get("IndexName"))
          .keySchema(keySchema(index.get("KeySchema")))
          .projection(projection(Template.map(index.get("Projection"))))
          .build()).toList());
    }
    try {
      dynamoDb.createTable(request.build());
      return "table " + name + " (created)";
    } catch (ResourceInUseException e) {
      var existing = dynamoDb.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes().stream()
          .map(i -> i.indexName()).sorted().toList();
      var declared = indexes.stream().map(i -> (String) i.get("IndexName")).sorted().toList();
      if (!existing.equals(declared)) {
        return "table " + name + " (kept; its indexes " + existing + " differ from template.yaml's " + declared
            + ": run ./dev run --reset)";
      }
      return "table " + name + " (kept)";
    }
  }

  private static List<KeySchemaElement> keySchema(Object value) {
    return list(value).stream().map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
        .keyType((String) k.get("KeyType")).build()).toList();
  }

  private static Projection projection(Map<String, Object> projection) {
    var builder = Projection.builder().projectionType((String) projection.getOrDefault("ProjectionType", "ALL"));
    Object attributes = projection.get("NonKeyAttributes");
    if (attributes instanceof List<?> names) {
      builder.nonKeyAttributes(names.stream().map(Object::toString).toList());
    }
    return builder.build();
  }

  private static List<Map<String, Object>> list(Object value) {
    if (!(value instanceof List<?> items)) {
      return List.of();
    }
    return items.stream().map(Template::map).toList();
  }
}
