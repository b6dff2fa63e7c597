package dev.shopfed.e2e;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A stand-in child that answers 200 on every path of the port it is given ({@code --server.port=N} as the subgraphs
 * take it, {@code --port N} as the gateway does), for testing the launcher without the real jars. It ends itself
 * after five minutes so it cannot outlive a broken test for long.
 */
public final class HealthyService {

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port(args)), 0);
    server.createContext("/", exchange -> {
      byte[] body = "{\"status\":\"UP\"}".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    System.out.println("health stand-in on port " + server.getAddress().getPort());
    System.out.flush();
    Thread.sleep(300_000);
    System.exit(0);
  }

  private static int port(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--server.port=")) {
        return Integer.parseInt(args[i].substring("--server.port=".length()));
      }
      if (args[i].equals("--port") && i + 1 < args.length) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    throw new IllegalArgumentException("no port given");
  }
}
