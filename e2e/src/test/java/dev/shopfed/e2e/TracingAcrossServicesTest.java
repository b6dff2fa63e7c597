package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.OtlpReceiver;
import dev.shopfed.e2e.support.OtlpReceiver.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tracing on in all three real services, exporting to one OTLP receiver: a query that crosses both subgraphs
 * (promo's feed, commerce's prices, promo's promo prices) is one trace, with spans from every service.
 */
class TracingAcrossServicesTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String FEED = "query FeedPrices { feed(first: 20) { edges { node { __typename ... on Video { id "
      + "products { id price { formatted } promoPrice { formatted } } } } } } }";
  private static final List<String> GATEWAY_SPANS =
      List.of("POST /graphql", "parse", "validate", "plan", "fetch promo", "fetch commerce");
  private static final List<String> SUBGRAPHS = List.of("commerce-subgraph", "promo-subgraph");

  @Test
  void aCrossSubgraphQueryIsOneTraceAcrossTheThreeServices() throws Exception {
    ProjectLayout layout = ProjectLayout.locate();
    try (OtlpReceiver receiver = OtlpReceiver.start();
        LocalFederation federation = LocalFederation.start(FederationSettings.defaults(layout).onFreePorts()
            .withLogDir(layout.root().resolve("e2e/target/e2e-tracing-logs"))
            .withJvmArgs(tracingOn(receiver.tracesUrl())))) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(federation.graphqlUrl())
          .header("content-type", "application/json")
          .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
          .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + FEED.replace("\"", "\\\"") + "\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"promoPrice\"").doesNotContain("\"errors\"");

      List<ReceivedSpan> trace = awaitTrace(receiver);
      trace.forEach(span -> System.out.println(span.service() + " | " + span.name() + " | " + span.spanId()
          + " <- " + span.parentSpanId()));
      assertThat(names(trace, "gateway")).containsAll(GATEWAY_SPANS);
      for (String subgraph : SUBGRAPHS) {
        List<String> names = names(trace, subgraph);
        assertThat(names).as(subgraph + " serves the gateway's request").anyMatch(n -> n.startsWith("http post"));
        assertThat(names).as(subgraph + " data fetchers").anyMatch(n -> n.startsWith("graphql field"));
        assertThat(names).as(subgraph + " SQL").contains("query");
      }
      Set<String> gatewayFetches = trace.stream().filter(s -> s.name().startsWith("fetch "))
          .map(ReceivedSpan::spanId).collect(Collectors.toSet());
      assertThat(trace).filteredOn(s -> s.name().startsWith("http post"))
          .allSatisfy(s -> assertThat(gatewayFetches).contains(s.parentSpanId()));
    }
  }

  /** JVM system properties reach every child; each reads its own. */
  private static List<String> tracingOn(URI receiver) {
    return List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
        "-Dgateway.telemetry.tracing.enabled=true",
        "-Dgateway.telemetry.tracing.otlp-endpoint=" + receiver,
        "-Dgateway.telemetry.tracing.export-delay=200ms",
        "-Dmanagement.tracing.export.enabled=true",
        "-Dmanagement.opentelemetry.tracing.export.otlp.endpoint=" + receiver,
        "-Dmanagement.opentelemetry.tracing.export.schedule-delay=200ms");
  }

  /** The spans of the trace once every span asserted on has arrived, or when the bounded wait ends. */
  private static List<ReceivedSpan> awaitTrace(OtlpReceiver receiver) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<ReceivedSpan> trace = List.of();
    while (System.nanoTime() < deadline) {
      trace = receiver.spans().stream().filter(s -> s.traceId().equals(TRACE_ID)).toList();
      if (complete(trace)) {
        return trace;
      }
      Thread.sleep(100);
    }
    return trace;
  }

  private static boolean complete(List<ReceivedSpan> trace) {
    if (!names(trace, "gateway").containsAll(GATEWAY_SPANS)) {
      return false;
    }
    return SUBGRAPHS.stream().map(subgraph -> names(trace, subgraph)).allMatch(names -> names.contains("query")
        && names.stream().anyMatch(n -> n.startsWith("http post"))
        && names.stream().anyMatch(n -> n.startsWith("graphql field")));
  }

  private static List<String> names(List<ReceivedSpan> trace, String service) {
    return trace.stream().filter(s -> s.service().equals(service)).map(ReceivedSpan::name).toList();
  }
}
