package dev.shopfed.gateway.telemetry;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Reports nothing. */
final class NoTelemetry implements Telemetry, RequestObservation {

  static final NoTelemetry INSTANCE = new NoTelemetry();

  private NoTelemetry() {}

  @Override
  public RequestObservation request(String method, String route, String requestId, Map<String, List<String>> headers) {
    return this;
  }

  @Override
  public <T> T stage(String name, Supplier<T> work) {
    return work.get();
  }

  @Override
  public void operation(String type, String name) {}

  @Override
  public FetchObservation fetch(String subgraph, int attempt, Map<String, List<String>> headers) {
    return new FetchObservation() {
      @Override
      public Map<String, List<String>> headers() {
        return headers;
      }

      @Override
      public void end(int status, Throwable failure, Runnable completion) {
        completion.run();
      }
    };
  }

  @Override
  public StatsCounter cacheStats(String cache) {
    return null;
  }

  @Override
  public <T> T inScope(Supplier<T> work) {
    return work.get();
  }

  @Override
  public String traceId() {
    return "";
  }

  @Override
  public void end(int status, List<String> errorCodes) {}
}
