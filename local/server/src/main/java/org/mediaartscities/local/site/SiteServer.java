package org.mediaartscities.local.site;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import org.mediaartscities.local.server.LocalDevEndpoints;
import org.mediaartscities.local.RepoPaths;

/**
 * The website on {@code ./dev run}, as the distribution serves it: the static files of {@code web/} at the root,
 * the API under {@code /api/} (prefix stripped), and the same security headers on every answer. One port after the
 * API's: {@code http://localhost:3001} by default.
 */
public final class SiteServer implements AutoCloseable {

  private final HttpServer http;

  private SiteServer(HttpServer http) {
    this.http = http;
  }

  /**
   * The site beside the dev server's API: on {@code apiPort + 1} as asked on the command line ({@code --port N}
   * gives N+1; 0, any free port), serving the repository's {@code web/}.
   *
   * @param requestedApiPort the port asked for the API (0 when any was)
   * @param apiPort the API's actual port
   * @param uploadOrigin where presigned upload URLs point (the local S3)
   */
  public static SiteServer besideApi(int requestedApiPort, int apiPort, String uploadOrigin) {
    Path web = RepoPaths.root().resolve("web");
    String apiOrigin = "http://localhost:" + apiPort;
    // Locally, image renditions come from the API's port (the CDN of renditions in AWS).
    var headers = SiteHeaders.load(web.resolve("security-headers.json"),
        Map.of("MediaOrigin", apiOrigin, "UploadOrigins", uploadOrigin, "SignInOrigin", ""));
    return start(requestedApiPort == 0 ? 0 : requestedApiPort + 1, web, apiPort, headers);
  }

  /**
   * Listens on loopback {@code port} (0: any free one).
   *
   * @param webRoot the {@code web/} folder
   * @param apiPort the dev server's API port, which {@code /api/} requests are relayed to over loopback
   * @param headers the security headers, variables resolved
   */
  public static SiteServer start(int port, Path webRoot, int apiPort, SiteHeaders headers) {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port + " for the site (" + e.getMessage()
          + "). Choose other ports with --port N (the site takes N+1).", e);
    }
    var files = new StaticFiles(webRoot, SiteRoutes.load(webRoot.resolve("routes.json")));
    var api = new ApiRelay(apiPort);
    http.createContext("/", exchange -> {
      try (exchange) {
        headers.headers().forEach(exchange.getResponseHeaders()::set);
        if (!isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
          // A DNS-rebinding page would reach the API's /_local/ endpoints through /api/ under its own name.
          StaticFiles.sendText(exchange, 403, "This site answers only requests addressed to localhost.");
        } else if (exchange.getRequestURI().getRawPath().startsWith(ApiRelay.PREFIX)) {
          api.relay(exchange);
        } else {
          files.serve(exchange);
        }
      } catch (IOException | RuntimeException e) {
        System.err.println("Site: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
            + " failed: " + e);
      }
    });
    http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    http.start();
    return new SiteServer(http);
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** Whether a Host header names this machine, by the dev server's one rule (its token endpoints use it too). */
  static boolean isLoopbackHost(String host) {
    return LocalDevEndpoints.isLoopbackHost(host);
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
