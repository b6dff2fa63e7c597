package dev.shopfed.e2e.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/** A minimal OTLP/HTTP traces endpoint ({@code POST /v1/traces}, protobuf): keeps every span it is sent. */
public final class OtlpReceiver implements AutoCloseable {

  /** One received span, flattened. */
  public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  public static OtlpReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    OtlpReceiver receiver = new OtlpReceiver(server);
    server.createContext("/v1/traces", receiver::handle);
    server.start();
    return receiver;
  }

  public URI tracesUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
  }

  public List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      InputStream body = exchange.getRequestBody();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("content-encoding"))) {
        body = new GZIPInputStream(body);
      }
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
      request.getResourceSpansList().forEach(this::keep);
      exchange.getResponseHeaders().set("content-type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private void keep(ResourceSpans resource) {
    String service = resource.getResource().getAttributesList().stream()
        .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue)
        .map(v -> v.getStringValue()).findFirst().orElse("");
    HexFormat hex = HexFormat.of();
    for (ScopeSpans scope : resource.getScopeSpansList()) {
      scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(service,
          hex.formatHex(span.getTraceId().toByteArray()), hex.formatHex(span.getSpanId().toByteArray()),
          hex.formatHex(span.getParentSpanId().toByteArray()), span.getName())));
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
