package org.mediaartscities.local.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The dev server's listening port, in front of the JDK's HTTP server.
 *
 * <p>The JDK's server refuses a request line whose target holds bytes a URI may not hold (curl sends a pasted
 * "…" or "é" as raw UTF-8) with an HTML page of its own, before any handler runs. API Gateway hands such a query to
 * the function, which answers its JSON 400 naming the parameter. So the first request line of each connection is
 * read here, its target percent-encoded where it must be, and the connection is then relayed as it is. Browsers and
 * HTTP clients encode targets themselves; a raw one comes from a pasted URL, which is a connection's first request.
 */
final class RequestLineFront implements AutoCloseable {

  private static final int MAX_REQUEST_LINE = 16 * 1024;

  private final ServerSocket listener;
  private final InetSocketAddress backend;

  private RequestLineFront(ServerSocket listener, InetSocketAddress backend) {
    this.listener = listener;
    this.backend = backend;
  }

  /** Listens on loopback {@code port} (0: any free one) and relays to {@code backend}. */
  static RequestLineFront start(int port, InetSocketAddress backend) throws IOException {
    var listener = new ServerSocket(port, 64, InetAddress.getLoopbackAddress());
    var front = new RequestLineFront(listener, backend);
    Thread.ofPlatform().daemon().name("dev-server-front").start(front::accept);
    return front;
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread.ofVirtual().start(() -> relay(client));
      } catch (IOException e) {
        if (!listener.isClosed()) {
          System.err.println("Accepting a connection failed: " + e);
        }
      }
    }
  }

  private void relay(Socket client) {
    try (client; var server = new Socket(backend.getAddress(), backend.getPort())) {
      client.setTcpNoDelay(true);
      server.setTcpNoDelay(true);
      InputStream in = client.getInputStream();
      OutputStream toServer = server.getOutputStream();
      byte[] line = readLine(in);
      toServer.write(encodeTarget(line));
      toServer.flush();
      Thread upstream = Thread.ofVirtual().start(() -> {
        try {
          in.transferTo(toServer);
          server.shutdownOutput();
        } catch (IOException e) {
          // the client went away; the other direction ends with it
        }
      });
      server.getInputStream().transferTo(client.getOutputStream());
      client.shutdownOutput();
      upstream.join(1000);
    } catch (IOException e) {
      // a client that closed early: nothing to answer
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The request line with its line ending, as sent (empty if the client sent nothing). */
  private static byte[] readLine(InputStream in) throws IOException {
    var line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      line.write(b);
      if (b == '\n' || line.size() >= MAX_REQUEST_LINE) {
        break;
      }
    }
    return line.toByteArray();
  }

  /**
   * {@code METHOD target VERSION\r\n} with every byte of the target that a URI may not hold raw (controls, space
   * within it, a {@code %} that starts no escape, and every non-ASCII byte) percent-encoded; anything not shaped like a request line is left as it is.
   */
  static byte[] encodeTarget(byte[] line) {
    int first = indexOf(line, (byte) ' ', 0);
    int end = line.length;
    while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
      end--;
    }
    int last = lastIndexOf(line, (byte) ' ', end);
    if (first < 0 || last <= first) {
      return line;
    }
    var out = new ByteArrayOutputStream(line.length + 16);
    out.write(line, 0, first + 1);
    for (int i = first + 1; i < last; i++) {
      int b = line[i] & 0xFF;
      boolean strayPercent = b == '%' && !(i + 2 < last && isHex(line[i + 1]) && isHex(line[i + 2]));
      if (strayPercent || b <= 0x20 || b >= 0x7F || b == '"' || b == '<' || b == '>' || b == '\\' || b == '^' || b == '`'
          || b == '{' || b == '|' || b == '}') {
        out.writeBytes(String.format("%%%02X", b).getBytes(StandardCharsets.US_ASCII));
      } else {
        out.write(b);
      }
    }
    out.write(line, last, line.length - last);
    return out.toByteArray();
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] bytes, byte wanted, int before) {
    for (int i = before - 1; i >= 0; i--) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
