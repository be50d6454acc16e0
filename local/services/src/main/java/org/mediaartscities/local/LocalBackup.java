package org.mediaartscities.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A backup of the local deployment's data, and its restore: every table of template.yaml as DynamoDB JSON lines
 * (the format of DynamoDB's own export to S3), every bucket's objects as files, beside a manifest. What
 * {@code ./dev backup DIR} and {@code ./dev restore DIR} run; docs/OPERATIONS.md gives the AWS procedure.
 */
public final class LocalBackup {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final LocalDeployment deployment;

  public LocalBackup(LocalDeployment deployment) {
    this.deployment = deployment;
  }

  /** What a backup holds: items per table and objects per bucket, by logical id. */
  public record Contents(Map<String, Integer> items, Map<String, Integer> objects) {}

  /** Writes every table and bucket to {@code dir}, which must be empty or absent. */
  public Contents backup(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new IllegalArgumentException(dir + " is not empty: a backup goes to a new folder");
          }
        }
      }
      Files.createDirectories(dir.resolve("tables"));
      var items = new HashMap<String, Integer>();
      DynamoDbClient dynamoDb = deployment.aws().clients().dynamoDb();
      for (String table : deployment.template().resourcesOfType("AWS::DynamoDB::Table")) {
        int count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("tables").resolve(table + ".jsonl"))) {
          for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(r -> r.tableName(deployment.name(table)))
              .items()) {
            out.write(Json.MAPPER.writeValueAsString(NODES.objectNode().set("Item", toJson(item))));
            out.newLine();
            count++;
          }
        }
        items.put(table, count);
      }
      var objects = new HashMap<String, Integer>();
      S3Client s3 = deployment.aws().clients().s3();
      for (String bucket : deployment.template().resourcesOfType("AWS::S3::Bucket")) {
        Path folder = dir.resolve("buckets").resolve(bucket);
        Files.createDirectories(folder);
        var types = NODES.objectNode();
        int count = 0;
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(deployment.name(bucket))).contents()) {
          var bytes = s3.getObjectAsBytes(r -> r.bucket(deployment.name(bucket)).key(object.key()));
          Path file = folder.resolve("objects").resolve(object.key()).normalize();
          if (!file.startsWith(folder)) {
            throw new IllegalStateException("An object key leaves its folder: " + object.key());
          }
          Files.createDirectories(file.getParent());
          Files.write(file, bytes.asByteArray());
          types.put(object.key(), bytes.response().contentType());
          count++;
        }
        Files.writeString(folder.resolve("content-types.json"), Json.MAPPER.writeValueAsString(types));
        objects.put(bucket, count);
      }
      var contents = new Contents(items, objects);
      Files.writeString(dir.resolve("manifest.json"), Json.write(contents));
      return contents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts back every item and object of a backup (items and objects of the same key are replaced). */
  public Contents restore(Path dir) {
    try {
      Contents manifest = Json.read(Files.readString(dir.resolve("manifest.json")), Contents.class);
      DynamoDbClient dynamoDb = deployment.aws().clients().dynamoDb();
      for (String table : manifest.items().keySet()) {
        List<WriteRequest> batch = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("tables").resolve(table + ".jsonl"))) {
          Map<String, AttributeValue> item = itemFromJson(Json.MAPPER.readTree(line).get("Item"));
          batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
          if (batch.size() == 25) {
            write(dynamoDb, deployment.name(table), batch);
          }
        }
        write(dynamoDb, deployment.name(table), batch);
      }
      S3Client s3 = deployment.aws().clients().s3();
      for (String bucket : manifest.objects().keySet()) {
        Path folder = dir.resolve("buckets").resolve(bucket);
        JsonNode types = Json.MAPPER.readTree(Files.readString(folder.resolve("content-types.json")));
        for (var entry : types.properties()) {
          Path file = folder.resolve("objects").resolve(entry.getKey()).normalize();
          s3.putObject(r -> r.bucket(deployment.name(bucket)).key(entry.getKey())
              .contentType(entry.getValue().asText()), RequestBody.fromFile(file));
        }
      }
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> batch) {
    var pending = new ArrayList<>(batch);
    while (!pending.isEmpty()) {
      var unprocessed = dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, List.copyOf(pending))))
          .unprocessedItems().getOrDefault(table, List.of());
      pending.clear();
      pending.addAll(unprocessed);
    }
    batch.clear();
  }

  /** DynamoDB JSON ({@code {"S": "..."}}, {@code {"N": "1"}}...), the format of DynamoDB's export to S3. */
  static ObjectNode toJson(Map<String, AttributeValue> item) {
    ObjectNode node = NODES.objectNode();
    item.forEach((name, value) -> node.set(name, toJson(value)));
    return node;
  }

  private static ObjectNode toJson(AttributeValue value) {
    ObjectNode node = NODES.objectNode();
    switch (value.type()) {
      case S -> node.put("S", value.s());
      case N -> node.put("N", value.n());
      case B -> node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
      case BOOL -> node.put("BOOL", value.bool());
      case NUL -> node.put("NULL", true);
      case SS -> value.ss().forEach(node.putArray("SS")::add);
      case NS -> value.ns().forEach(node.putArray("NS")::add);
      case BS -> {
        ArrayNode list = node.putArray("BS");
        value.bs().forEach(b -> list.add(Base64.getEncoder().encodeToString(b.asByteArray())));
      }
      case M -> node.set("M", toJson(value.m()));
      case L -> {
        ArrayNode list = node.putArray("L");
        value.l().forEach(v -> list.add(toJson(v)));
      }
      default -> throw new IllegalStateException("Unknown attribute type " + value.type());
    }
    return node;
  }

  static Map<String, AttributeValue> itemFromJson(JsonNode item) {
    var values = new HashMap<String, AttributeValue>();
    item.properties().forEach(e -> values.put(e.getKey(), fromJson(e.getValue())));
    return values;
  }

  static AttributeValue fromJson(JsonNode node) {
    if (node.has("M")) {
      return AttributeValue.fromM(itemFromJson(node.get("M")));
    }
    if (node.has("S")) {
      return AttributeValue.fromS(node.get("S").asText());
    }
    if (node.has("N")) {
      return AttributeValue.fromN(node.get("N").asText());
    }
    if (node.has("B")) {
      return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(node.get("B").asText())));
    }
    if (node.has("BOOL")) {
      return AttributeValue.fromBool(node.get("BOOL").asBoolean());
    }
    if (node.has("NULL")) {
      return AttributeValue.fromNul(true);
    }
    if (node.has("SS")) {
      return AttributeValue.fromSs(strings(node.get("SS")));
    }
    if (node.has("NS")) {
      return AttributeValue.fromNs(strings(node.get("NS")));
    }
    if (node.has("BS")) {
      return AttributeValue.fromBs(strings(node.get("BS")).stream()
          .map(b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
    }
    if (node.has("L")) {
      var list = new ArrayList<AttributeValue>();
      node.get("L").forEach(v -> list.add(fromJson(v)));
      return AttributeValue.fromL(list);
    }
    throw new IllegalArgumentException("Not a DynamoDB JSON value: " + node);
  }

  private static List<String> strings(JsonNode array) {
    var values = new ArrayList<String>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
