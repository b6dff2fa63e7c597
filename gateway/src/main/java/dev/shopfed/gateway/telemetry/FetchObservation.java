package dev.shopfed.gateway.telemetry;

import java.util.List;
import java.util.Map;

/** One subgraph fetch while it is in flight. */
public interface FetchObservation {

  /** The fetch's headers with the trace context ({@code traceparent}) added when it is traced. */
  Map<String, List<String>> headers();

  /**
   * Ends the fetch, then runs {@code completion} (completing the fetch's future) with the request current again,
   * so that the fetches its answer starts belong to the same request and trace.
   *
   * @param status  the subgraph's HTTP status, or 0 when no answer came
   * @param failure why no answer came, or null
   */
  void end(int status, Throwable failure, Runnable completion);
}
