package dev.shopfed.gateway.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * One client operation: its server span, its start, and how long at least one of its fetches was in flight (the
 * rest of its time is the gateway's own overhead).
 */
final class ObservedRequest implements RequestObservation {

  /** MDC keys of every line logged while the request is current. */
  static final String REQUEST_ID = "requestId";
  static final String TRACE_ID = "traceId";

  private static final ContextKey<ObservedRequest> KEY = ContextKey.named("shopfed.request");

  private final Context context;
  private final Span span;
  private final String requestId;
  private final GatewayMetrics metrics;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile String operationType;
  private volatile String operationName;
  // guarded by this
  private int fetchesInFlight;
  private long waitingSince;
  private long waitedNanos;

  ObservedRequest(Context parent, Span span, String requestId, GatewayMetrics metrics) {
    this.context = parent.with(KEY, this);
    this.span = span;
    this.requestId = requestId;
    this.metrics = metrics;
    metrics.started();
  }

  static ObservedRequest current() {
    return Context.current().get(KEY);
  }

  @Override
  public <T> T inScope(Supplier<T> work) {
    String previousRequest = MDC.get(REQUEST_ID);
    String previousTrace = MDC.get(TRACE_ID);
    try (Scope ignored = context.makeCurrent()) {
      putOrRemove(REQUEST_ID, requestId);
      putOrRemove(TRACE_ID, traceId().isEmpty() ? null : traceId());
      return work.get();
    } finally {
      putOrRemove(REQUEST_ID, previousRequest);
      putOrRemove(TRACE_ID, previousTrace);
    }
  }

  @Override
  public String traceId() {
    return span.getSpanContext().isValid() ? span.getSpanContext().getTraceId() : "";
  }

  void named(String type, String name) {
    operationType = type;
    operationName = name;
    span.setAttribute("graphql.operation.type", type);
    if (name != null) {
      span.setAttribute("graphql.operation.name", name);
    }
  }

  synchronized void fetchStarted() {
    if (fetchesInFlight++ == 0) {
      waitingSince = System.nanoTime();
    }
  }

  synchronized void fetchEnded() {
    if (--fetchesInFlight == 0) {
      waitedNanos += System.nanoTime() - waitingSince;
    }
  }

  @Override
  public void end(int status, List<String> errorCodes) {
    if (!ended.compareAndSet(false, true)) {
      return; // a response and a cancellation may both report
    }
    long nanos = System.nanoTime() - startNanos;
    long waited;
    synchronized (this) {
      waited = waitedNanos;
    }
    span.setAttribute("http.response.status_code", status);
    if (!errorCodes.isEmpty()) {
      span.setAttribute(AttributeKey.stringArrayKey("graphql.error.codes"), errorCodes);
    }
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
    metrics.ended(operationName, status, errorCodes, nanos, Math.max(0, nanos - waited));
    AccessLog.write(requestId, traceId(), status, operationType, operationName, nanos, errorCodes);
  }

  static void putOrRemove(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
