package dev.shopfed.gateway.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who a request counts against for rate limiting: the configured header's value when the request has it, else the
 * remote address. Behind a proxy or load balancer every request comes from its address: name a header the proxy sets
 * (and clients cannot), such as a client id or a forwarded address it overwrites.
 */
@FunctionalInterface
interface ClientKey {

  /** Longer header values are hashed, so a client cannot make each tracked key kilobytes long. */
  int MAX_KEY_LENGTH = 64;

  String of(ServerHttpRequest request);

  /** By {@code header} (null: by remote address only). */
  static ClientKey from(String header) {
    if (header == null || header.isBlank()) {
      return ClientKey::remoteAddress;
    }
    String name = header.trim();
    return request -> {
      String value = request.getHeaders().getFirst(name);
      return value == null || value.isBlank() ? remoteAddress(request) : "client:" + bounded(value.trim());
    };
  }

  static String remoteAddress(ServerHttpRequest request) {
    InetSocketAddress address = request.getRemoteAddress();
    if (address == null) {
      return "address:unknown";
    }
    return "address:" + (address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress());
  }

  private static String bounded(String value) {
    if (value.length() <= MAX_KEY_LENGTH) {
      return value;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
