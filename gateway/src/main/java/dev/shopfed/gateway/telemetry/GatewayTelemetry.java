package dev.shopfed.gateway.telemetry;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Traces through OpenTelemetry (a no-op {@link OpenTelemetry} traces nothing and propagates nothing) and meters
 * through Micrometer. The current request travels in the OpenTelemetry {@link Context}, with or without tracing.
 */
public final class GatewayTelemetry implements Telemetry {

  static final String INSTRUMENTATION = "dev.shopfed.gateway";

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final GatewayMetrics metrics;

  public GatewayTelemetry(OpenTelemetry openTelemetry, MeterRegistry registry) {
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.metrics = new GatewayMetrics(registry);
  }

  /** The meters, e.g. to bind a circuit breaker's state to. */
  public GatewayMetrics metrics() {
    return metrics;
  }

  @Override
  public RequestObservation request(String method, String route, String requestId, Map<String, List<String>> headers) {
    Context parent = propagator.extract(Context.root(), headers, HEADERS);
    Span span = tracer.spanBuilder(method + " " + route)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", method)
        .setAttribute("http.route", route)
        .startSpan();
    return new ObservedRequest(parent.with(span), span, requestId, metrics);
  }

  @Override
  public <T> T stage(String name, Supplier<T> work) {
    Span span = tracer.spanBuilder(name).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return work.get();
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }

  @Override
  public void operation(String type, String name) {
    ObservedRequest request = ObservedRequest.current();
    if (request != null) {
      request.named(type, name);
    }
  }

  @Override
  public FetchObservation fetch(String subgraph, int attempt, Map<String, List<String>> headers) {
    Context parent = Context.current();
    Span span = tracer.spanBuilder("fetch " + subgraph)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute("subgraph.name", subgraph)
        .setAttribute("subgraph.attempt", attempt)
        .startSpan();
    Map<String, List<String>> traced = new LinkedHashMap<>(headers);
    propagator.inject(parent.with(span), traced, SETTER);
    ObservedRequest request = ObservedRequest.current();
    if (request != null) {
      request.fetchStarted();
    }
    return new ObservedFetch(subgraph, parent, span, traced, request, metrics);
  }

  @Override
  public void sharedFetch(String subgraph) {
    metrics.sharedFetch(subgraph);
  }

  @Override
  public StatsCounter cacheStats(String cache) {
    return metrics.cacheStats(cache);
  }

  private static final TextMapSetter<Map<String, List<String>>> SETTER =
      (carrier, key, value) -> carrier.put(key, List.of(value));

  /** Header names lower-cased, as the engine keeps them. */
  private static final TextMapGetter<Map<String, List<String>>> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, List<String>> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, List<String>> carrier, String key) {
      List<String> values = carrier == null ? null : carrier.get(key);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  };

  /** A fetch in flight: its span, and the request context its completion runs in. */
  private record ObservedFetch(String subgraph, Context parent, Span span, Map<String, List<String>> headers,
      ObservedRequest request, GatewayMetrics metrics, long startNanos) implements FetchObservation {

    ObservedFetch(String subgraph, Context parent, Span span, Map<String, List<String>> headers,
        ObservedRequest request, GatewayMetrics metrics) {
      this(subgraph, parent, span, headers, request, metrics, System.nanoTime());
    }

    @Override
    public void end(int status, Throwable failure, Runnable completion) {
      long nanos = System.nanoTime() - startNanos;
      if (status > 0) {
        span.setAttribute("http.response.status_code", status);
      }
      String errorCode = FetchErrorCodes.of(status, failure);
      if (errorCode != null) {
        span.setAttribute("error.type", errorCode);
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
      metrics.fetched(subgraph, status > 0 ? Integer.toString(status) : "failed", nanos);
      if (request != null) {
        request.fetchEnded();
      }
      try (Scope ignored = parent.makeCurrent()) {
        completion.run();
      }
    }
  }
}
