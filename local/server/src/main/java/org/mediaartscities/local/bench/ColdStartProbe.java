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
 * and prints {@code RESULT status initMs firstMs peakRssKb}. Environment variables configure the handler.
 */
public final class ColdStartProbe {

  private ColdStartProbe() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    var mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    APIGatewayV2HTTPEvent event = mapper.readValue(Files.readString(Path.of(args[1])), APIGatewayV2HTTPEvent.class);
    var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0])
        .getConstructor().newInstance();
    if (args.length > 2 && args[2].equals("--primed")) {
      prime(handler);
    }
    long initialised = System.nanoTime();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, new LocalContext("bench", "bench-1", 10, 1024));
    long answered = System.nanoTime();
    System.out.printf("RESULT %d %.1f %.1f %d%n", response.getStatusCode(), (initialised - start) / 1e6,
        (answered - initialised) / 1e6, peakRssKb());
    System.out.flush();
    if (Boolean.getBoolean("probe.exit")) {
      System.exit(0); // runs shutdown hooks: a flight recording (-XX:StartFlightRecording) is written out
    }
    Runtime.getRuntime().halt(0);
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
