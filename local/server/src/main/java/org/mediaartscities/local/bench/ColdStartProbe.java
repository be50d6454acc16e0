package org.mediaartscities.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * Runs in a fresh JVM, as a Lambda cold start: parses the event, constructs the handler (init), answers once,
 * and prints {@code RESULT status initMs firstMs peakRssKb}. Environment variables configure the handler. With
 * {@code -Dprobe.awaitInvoke=true} it waits between init and the request, which then parses the event too, as on
 * Lambda (the bench changes its CPU share meanwhile).
 */
public final class ColdStartProbe {

  /** Printed after init when {@code -Dprobe.awaitInvoke=true}; the probe then waits for a line on its input. */
  static final String INITIALISED = "INITIALISED";

  private ColdStartProbe() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    // With the bench's CPU shares, the phases are Lambda's: the event is read in the invocation, after init.
    boolean lambdaPhases = Boolean.getBoolean("probe.awaitInvoke");
    String json = Files.readString(Path.of(args[1]));
    APIGatewayV2HTTPEvent event = lambdaPhases ? null : parse(json);
    var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0])
        .getConstructor().newInstance();
    if (args.length > 2 && args[2].equals("--primed")) {
      prime(handler);
    }
    long initialised = System.nanoTime();
    long invoked = initialised;
    if (lambdaPhases) {
      // The bench moves this process to the invocation's CPU share (LambdaCpuShare), then says go.
      System.out.println(INITIALISED);
      System.out.flush();
      System.in.read();
      invoked = System.nanoTime();
      event = parse(json);
    }
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, new LocalContext("bench", "bench-1", 10, 1024));
    long answered = System.nanoTime();
    System.out.printf("RESULT %d %.1f %.1f %d%n", response.getStatusCode(), (initialised - start) / 1e6,
        (answered - invoked) / 1e6, peakRssKb());
    System.out.flush();
    if (Boolean.getBoolean("probe.exit")) {
      System.exit(0); // runs shutdown hooks: a flight recording (-XX:StartFlightRecording) is written out
    }
    Runtime.getRuntime().halt(0);
  }

  private static APIGatewayV2HTTPEvent parse(String json) throws java.io.IOException {
    return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .readValue(json, APIGatewayV2HTTPEvent.class);
  }

  /**
   * Runs the handler's SnapStart priming, as Lambda does before the snapshot: what follows is the first request of a
   * restored instance (less the restore itself). Its time is not counted in init.
   */
  private static void prime(Object handler) throws Exception {
    for (Field field : handler.getClass().getDeclaredFields()) {
      if (Priming.class.isAssignableFrom(field.getType())) {
        field.setAccessible(true);
        Priming priming = (Priming) field.get(handler);
        priming.beforeCheckpoint(null);
        if (priming.failure() != null) {
          throw new IllegalStateException("priming failed", priming.failure());
        }
        return;
      }
    }
    throw new IllegalStateException(handler.getClass() + " holds no priming");
  }

  private static long peakRssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}
