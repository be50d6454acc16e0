package org.mediaartscities.local.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.template.LocalSecrets;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code ./dev digest-bench}: the newsletter digest for N confirmed subscribers (default 100,000) on the embedded
 * services. Seeds the subscribers straight into the table (as confirmed rows), runs the planner as the schedule
 * would, then lets {@code --senders} consumers (default 4) drain the queue through the sender into the local outbox,
 * with SES pacing off (DigestSendRate 0): it measures our code, not the account's sending quota. Prints the time to
 * plan and to send, the peak heap above the idle baseline during each, and checks that every subscriber received
 * exactly one digest and that a second firing sends nothing more.
 */
public final class DigestBench {

  private static final String[] CITIES = {"lyon", "linz", "york", "dakar", "gwangju", "braga", "modena", "toronto"};
  private static final String[] LANGUAGES = {"fr", "en", "de", "ko", "pt", "it"};

  private DigestBench() {}

  public static void main(String[] args) throws Exception {
    int subscribers = option(args, "--subscribers", 100_000);
    int senders = option(args, "--senders", 4);
    int exit;
    try (LocalAws aws = LocalAws.start(null)) {
      var deployment = LocalDeployment.deploy(RepoPaths.template(), aws, Map.of("DigestSendRate", "0",
          "PublicApiUrl", "http://localhost:3000", "MediaBaseUrl", "http://localhost:3000/_local/media"),
          new LocalSecrets(null), "");
      exit = run(deployment, aws, subscribers, senders);
    }
    Runtime.getRuntime().halt(exit); // DynamoDB Local leaves non-daemon threads behind
  }

  private static int run(LocalDeployment deployment, LocalAws aws, int subscribers, int senders) throws Exception {
    Instant now = Instant.now();
    seedContent(deployment, now);
    long seedStart = System.nanoTime();
    seedSubscribers(deployment, subscribers, now);
    System.out.printf("seeded %,d confirmed subscribers in %.1f s%n", subscribers, seconds(seedStart));

    var memory = new PeakHeap();
    memory.reset();
    long planStart = System.nanoTime();
    Object plan = deployment.functions().invoke("DigestPlannerFunction", Map.of("trigger", "bench"));
    double planSeconds = seconds(planStart);
    long planPeak = memory.peakAboveBaseline();
    System.out.printf("plan: %.1f s, peak heap +%d MB: %s%n", planSeconds, planPeak >> 20, Json.write(plan));

    memory.reset();
    long sendStart = System.nanoTime();
    int batches = deployment.sqsEvents().drain(senders);
    double sendSeconds = seconds(sendStart);
    long sendPeak = memory.peakAboveBaseline();
    long sent = aws.outbox().count();
    System.out.printf("send: %,d batches, %,d emails in %.1f s (%.0f emails/s with %d senders), peak heap +%d MB%n",
        batches, sent, sendSeconds, sent / sendSeconds, senders, sendPeak >> 20);

    deployment.functions().invoke("DigestPlannerFunction", Map.of("trigger", "bench-again"));
    deployment.sqsEvents().drain(senders);
    long after = aws.outbox().count();
    memory.stop();
    boolean ok = sent == subscribers && after == sent;
    System.out.printf("check: %s (%,d subscribers, %,d digests, %,d after a second firing)%n", ok ? "OK" : "FAILED",
        subscribers, sent, after);
    return ok ? 0 : 1;
  }

  /** News in every bench city and a network-wide call, published yesterday: every subscriber has something. */
  private static void seedContent(LocalDeployment deployment, Instant now) {
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    var store = new ContentStore(client, client.table(deployment.name("ContentTable"), ContentRow.SCHEMA));
    SampleData.cities().forEach(store::putCity);
    Instant yesterday = now.minus(Duration.ofDays(1));
    for (String city : CITIES) {
      store.putItem(new ContentItem(UUID.randomUUID().toString(), Kind.NEWS, city + "-digest-news", city, "en",
          Map.of("en", new Translation("News from " + city, "What happened in " + city + " this week.", "Text",
              null, null), "fr", new Translation("Nouvelles de " + city, "Cette semaine à " + city + ".", "Texte",
              null, null)), List.of(), List.of(), PublicationStatus.PUBLISHED, yesterday, null, null, null));
    }
    store.putItem(new ContentItem(UUID.randomUUID().toString(), Kind.CALL, "bench-open-call", null, "en",
        Map.of("en", new Translation("City to City residencies", "Apply before the end of the month.", "Text", null,
            null)), List.of(), List.of(), PublicationStatus.PUBLISHED, yesterday, null,
        new org.mediaartscities.shared.content.CallDetails(yesterday, now.plus(Duration.ofDays(30)), "Europe/Paris", null),
        null));
  }

  /** Confirmed subscriber rows, written 25 at a time as the store would write them. */
  private static void seedSubscribers(LocalDeployment deployment, int count, Instant now) {
    var dynamoDb = deployment.aws().clients().dynamoDb();
    String table = deployment.name("NewsletterTable");
    var batch = new ArrayList<WriteRequest>();
    for (int i = 0; i < count; i++) {
      String email = "reader" + i + "@example.org";
      String id = SecretTokens.emailHash(email);
      var preferences = Map.of("languages", List.of(LANGUAGES[i % LANGUAGES.length]),
          "cities", i % 3 == 0 ? List.of() : List.of(CITIES[i % CITIES.length]),
          "topics", List.of("news", "events", "calls"), "frequency", "weekly");
      var doc = new HashMap<String, Object>();
      doc.put("id", id);
      doc.put("email", email);
      doc.put("preferences", preferences);
      doc.put("status", "confirmed");
      doc.put("createdAt", now.toString());
      doc.put("updatedAt", now.toString());
      doc.put("confirmedAt", now.toString());
      doc.put("manageEpoch", 1);
      var item = Map.of("pk", AttributeValue.fromS("SUB#" + id), "sk", AttributeValue.fromS("SUB"),
          "version", AttributeValue.fromN("1"), "doc", AttributeValue.fromS(Json.write(doc)),
          "shard", AttributeValue.fromS("weekly#" + Math.floorMod(id.hashCode(), 16)));
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == 25 || i == count - 1) {
        var unprocessed = dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, List.copyOf(batch))))
            .unprocessedItems();
        while (!unprocessed.isEmpty()) {
          var retry = unprocessed;
          unprocessed = dynamoDb.batchWriteItem(r -> r.requestItems(retry)).unprocessedItems();
        }
        batch.clear();
      }
    }
  }

  /** Samples the heap every 10 ms; the peak above the heap left after a GC at {@link #reset()}. */
  private static final class PeakHeap {
    private final AtomicLong peak = new AtomicLong();
    private volatile long baseline;
    private final Thread sampler;

    PeakHeap() {
      var bean = ManagementFactory.getMemoryMXBean();
      sampler = Thread.ofPlatform().daemon().start(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(bean.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }

    void reset() {
      System.gc();
      baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      peak.set(baseline);
    }

    long peakAboveBaseline() {
      return Math.max(0, peak.get() - baseline);
    }

    void stop() {
      sampler.interrupt();
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static int option(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
