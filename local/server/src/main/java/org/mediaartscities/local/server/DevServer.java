package org.mediaartscities.local.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.auth.LocalIssuer;
import org.mediaartscities.local.auth.LocalTokens;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.site.SiteServer;
import org.mediaartscities.local.template.LocalSecrets;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./dev run}: the whole backend on this machine. Starts the local AWS services, deploys template.yaml on
 * them, seeds sample data into an empty content table, and serves the template's HttpApi routes.
 */
public final class DevServer implements AutoCloseable {

  static final String DEVELOPMENT_ORIGINS = "https://mediaartscities.com,https://www.mediaartscities.com,"
      + "http://localhost:5173,http://localhost:3001";

  private final LocalAws aws;
  private final HttpServer http;
  private final RequestLineFront front;
  private final LocalTokens tokens;
  private final SiteServer site;

  private DevServer(LocalAws aws, HttpServer http, RequestLineFront front, LocalTokens tokens,
      SiteServer site) {
    this.aws = aws;
    this.http = http;
    this.front = front;
    this.tokens = tokens;
    this.site = site;
  }

  public static void main(String[] args) {
    DevOptions options;
    try {
      options = DevOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    DevServer server;
    try {
      server = start(options);
    } catch (RuntimeException e) {
      System.err.println("Could not start: " + e.getMessage());
      // Embedded services leave non-daemon threads behind; without an explicit exit the JVM would linger.
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping...");
      server.close();
    }, "dev-server-stop"));
    System.out.println("Listening on http://localhost:" + server.port());
    System.out.println("Site on http://localhost:" + server.sitePort());
  }

  /** Starts everything; the returned server runs until {@link #close()}. */
  public static DevServer start(DevOptions options) {
    if (options.reset() && options.dataDir() != null) {
      deleteRecursively(options.dataDir());
    }
    HttpServer http;
    RequestLineFront front;
    try {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port (" + e.getMessage() + ")", e);
    }
    try {
      front = RequestLineFront.start(options.port(), http.getAddress());
    } catch (IOException e) {
      http.stop(0);
      throw new UncheckedIOException("cannot listen on port " + options.port() + " (" + e.getMessage()
          + "). Is ./dev run already running? Choose another port with --port N.", e);
    }
    String baseUrl = "http://localhost:" + front.port();
    LocalAws aws = LocalAws.start(options.dataDir());
    SiteServer site = null;
    try {
      site = SiteServer.besideApi(options.port(), front.port(), aws.s3Endpoint().toString());
      var secrets = new LocalSecrets(options.dataDir() == null ? null : options.dataDir().resolve("secrets.properties"));
      // The dev server stands in for the CDN of image renditions (MediaDistribution in AWS).
      LocalDeployment deployment = LocalDeployment.deploy(RepoPaths.template(), aws,
          Map.of("MediaBaseUrl", baseUrl + LocalDevEndpoints.MEDIA_PATH, "PublicApiUrl", baseUrl,
              // A development stack's overrides: the production origins plus the local frontends'.
              "FrontendOrigins", DEVELOPMENT_ORIGINS,
              // Links in emails open the local site.
              "FrontendBaseUrl", "http://localhost:" + site.port()), secrets, "");
      deployment.resources().forEach(line -> System.out.println("  " + line));
      seedIfEmpty(deployment, options.sampleItems());

      var routes = new RouteTable(deployment.template().httpRoutes());
      LocalIssuer issuer = LocalIssuer.load(options.dataDir() == null ? null
          : options.dataDir().resolve("jwt-signing-key.json"));
      var authorizer = new LocalAuthorizer(deployment.template(), deployment.resolver(), issuer);
      var gateway = new LocalApiGateway(routes, CorsPolicy.from(deployment.template(), deployment.resolver()),
          authorizer, deployment.functions());
      var target = authorizer.tokenTarget().orElseThrow(() -> new IllegalStateException(
          "template.yaml declares no JWT authorizer"));
      var tokens = new LocalTokens(issuer, target.getKey(), target.getValue());
      http.createContext("/", gateway);
      http.createContext(ApiReferencePage.PATH, new ApiReferencePage(gateway));
      http.createContext("/_local/", new LocalDevEndpoints(issuer, tokens, aws.clients().s3(),
          deployment.name("MediaBucket"), aws.outbox(), at -> runDigest(deployment, aws.outbox(), at)));
      http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      http.start();
      startS3Events(deployment);
      startSqsEvents(deployment);
      LocalScheduler.start(deployment);
      System.out.println("  " + deployment.template().httpRoutes().size() + " routes from template.yaml");
      return new DevServer(aws, http, front, tokens, site);
    } catch (RuntimeException e) {
      if (site != null) {
        site.close();
      }
      front.close();
      http.stop(0);
      aws.close();
      throw e;
    }
  }

  // S3 has no notifications locally: look for new uploads twice a second and deliver them as S3 would.
  private static void startS3Events(LocalDeployment deployment) {
    Thread.ofPlatform().daemon().name("local-s3-events").start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          deployment.s3Events().deliverNew();
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          System.err.println("Delivering an S3 event failed: " + e);
        }
      }
    });
  }

  /**
   * One digest now (or as of {@code at}), as the schedule would run it, then its queue drained: what
   * {@code ./dev digest} asks for.
   */
  private static Map<String, Object> runDigest(LocalDeployment deployment,
      org.mediaartscities.local.aws.EmbeddedSes outbox, String at) {
    var input = new java.util.HashMap<String, Object>(Map.of("trigger", "local"));
    if (at != null) {
      input.put("at", java.time.OffsetDateTime.parse(at).toInstant().toString());
    }
    long deliveredBefore = deployment.sqsEvents().deliveredSoFar();
    long emailsBefore = outbox.count();
    Object plan = deployment.functions().invoke("DigestPlannerFunction", input);
    deployment.sqsEvents().awaitIdle(java.time.Duration.ofMinutes(2));
    long delivered = deployment.sqsEvents().deliveredSoFar() - deliveredBefore;
    long emails = outbox.count() - emailsBefore;
    var result = new java.util.LinkedHashMap<String, Object>();
    result.put("plan", plan);
    result.put("batchesDelivered", delivered);
    result.put("emailsSent", emails);
    result.put("outbox", "/_local/outbox");
    if (emails == 0) {
      result.put("hint", "Nothing was sent: no confirmed subscriber has anything new, or this day's digest was sent "
          + "already (each day's run is sent once). Publish something, then: ./dev digest --at <a later day, "
          + "e.g. 2026-12-07T08:00:00+01:00>.");
    }
    return result;
  }

  // Lambda's SQS event source mapping: deliver waiting messages to the functions that consume their queue.
  private static void startSqsEvents(LocalDeployment deployment) {
    Thread.ofPlatform().daemon().name("local-sqs-events").start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          if (deployment.sqsEvents().deliverAvailable() == 0) {
            Thread.sleep(250);
          }
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          System.err.println("Delivering an SQS message failed: " + e);
        }
      }
    });
  }

  /** The tokens this server's authorizer accepts (what ./dev token prints). */
  LocalTokens tokens() {
    return tokens;
  }

  public int port() {
    return front.port();
  }

  /** The local services behind this server, for tests that check what is stored. */
  LocalAws aws() {
    return aws;
  }

  /** The website's port (the API's plus one unless any port was asked for). */
  public int sitePort() {
    return site.port();
  }

  @Override
  public void close() {
    site.close();
    front.close();
    http.stop(0);
    aws.close();
  }

  private static void seedIfEmpty(LocalDeployment deployment, boolean sampleItems) {
    try (DynamoDbClient dynamoDb = deployment.aws().clients().dynamoDb()) {
      var client = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
      var table = client.table(deployment.name("ContentTable"), ContentRow.SCHEMA);
      if (!new ContentRepository(table).cities().isEmpty()) {
        System.out.println("  sample data kept from an earlier run (--reset starts again)");
        return;
      }
    }
    var seeding = new SampleSeeding(deployment);
    int cities = seeding.cities();
    int items = sampleItems ? seeding.items(Instant.now()) : 0;
    System.out.println("  sample data, through the admin API: " + cities + " cities, " + items + " items");
  }


  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
