package org.mediaartscities.local.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The HTTP client of the tests that talk to a dev server: every answer the dev server's API gives is checked against
 * openapi.yaml ({@link ApiContract}) before the test sees it, and one the contract does not describe fails the test
 * that caused it. Requests to other ports (S3 presigned URLs) and the dev server's own {@code /_local/} and
 * {@code /docs} pages are passed through unchecked; so are CORS preflights, which API Gateway answers by itself.
 */
final class ContractCheckedClient extends HttpClient {

  private final HttpClient delegate;
  private final IntSupplier devServerPort;
  private final Consumer<String> onViolation;

  private ContractCheckedClient(HttpClient delegate, IntSupplier devServerPort, Consumer<String> onViolation) {
    this.delegate = delegate;
    this.devServerPort = devServerPort;
    this.onViolation = onViolation;
  }

  /**
   * An HTTP/1.1 client (as curl and browsers speak over plain http; the JDK client would try an h2c upgrade first)
   * that checks the answers of the dev server listening on {@code devServerPort}, read at each request.
   */
  static HttpClient forDevServer(IntSupplier devServerPort) {
    return forDevServer(devServerPort, ContractCheckedClient::failOrReport);
  }

  /** The same, handing each violation to {@code onViolation} (a relay collects them for the test it serves). */
  static HttpClient forDevServer(IntSupplier devServerPort, Consumer<String> onViolation) {
    return new ContractCheckedClient(HttpClient.newBuilder().version(Version.HTTP_1_1).build(), devServerPort,
        onViolation);
  }

  /** Whether the contract speaks for this request's answer. */
  boolean checks(HttpRequest request) {
    URI uri = request.uri();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    boolean preflight = request.method().equals("OPTIONS")
        && request.headers().firstValue("access-control-request-method").isPresent();
    return uri.getPort() == devServerPort.getAsInt() && !path.startsWith("/_local/") && !path.equals("/docs")
        && !path.startsWith("/docs/") && !preflight;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    if (!checks(request)) {
      return delegate.send(request, handler);
    }
    HttpResponse<byte[]> response = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
    check(request, response);
    return replay(response, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler) {
    if (!checks(request)) {
      return delegate.sendAsync(request, handler);
    }
    return delegate.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
      check(request, response);
      return replay(response, handler);
    });
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return sendAsync(request, handler);
  }

  private void check(HttpRequest request, HttpResponse<byte[]> response) {
    List<String> problems = ApiContract.get().check(request.method(), request.uri().getRawPath(),
        response.statusCode(), response.headers().map(), response.body());
    if (!problems.isEmpty()) {
      onViolation.accept("The answer to " + request.method() + " " + request.uri().getRawPath()
          + " breaks openapi.yaml:\n  " + String.join("\n  ", problems));
    }
  }

  /** Fails the test at hand; or, with -Dcontract.report=FILE (surveying a contract change), lists it there. */
  private static void failOrReport(String violation) {
    String report = System.getProperty("contract.report");
    if (report == null) {
      throw new AssertionError(violation);
    }
    try {
      Files.writeString(Path.of(report), violation + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The caller's body handler, fed the bytes already read. */
  private static <T> HttpResponse<T> replay(HttpResponse<byte[]> response, HttpResponse.BodyHandler<T> handler) {
    HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return response.statusCode();
      }

      @Override
      public HttpHeaders headers() {
        return response.headers();
      }

      @Override
      public Version version() {
        return response.version();
      }
    };
    HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
    subscriber.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {}
    });
    if (response.body().length > 0) {
      subscriber.onNext(List.of(ByteBuffer.wrap(response.body())));
    }
    subscriber.onComplete();
    T body = subscriber.getBody().toCompletableFuture().join();
    return new Replayed<>(response, body);
  }

  private record Replayed<T>(HttpResponse<byte[]> response, T body) implements HttpResponse<T> {
    @Override
    public int statusCode() {
      return response.statusCode();
    }

    @Override
    public HttpRequest request() {
      return response.request();
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return response.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return response.sslSession();
    }

    @Override
    public URI uri() {
      return response.uri();
    }

    @Override
    public Version version() {
      return response.version();
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
