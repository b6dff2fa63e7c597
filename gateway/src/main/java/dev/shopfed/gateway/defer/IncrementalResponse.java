package dev.shopfed.gateway.defer;

import dev.shopfed.gateway.execution.GatewayResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The engine's answer to a request that may defer fragments: the initial part, then (when {@link #incremental()})
 * the later parts in the order they may be applied, each {@code {"hasNext":..,"incremental":[..]}}, the last with
 * {@code hasNext: false}. Later parts that arrive before anyone subscribes are kept until then.
 */
public final class IncrementalResponse {

  private final GatewayResponse initial;
  private final int later;
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private final List<Map<String, Object>> buffered = new ArrayList<>();
  private Consumer<Map<String, Object>> subscriber;
  private int delivered;

  IncrementalResponse(GatewayResponse initial, int later) {
    this.initial = initial;
    this.later = later;
    if (later == 0) {
      finished.complete(null);
    }
  }

  /** A response in one part: nothing deferred, or the request was refused or answered whole. */
  public static IncrementalResponse whole(GatewayResponse response) {
    return new IncrementalResponse(response, 0);
  }

  /** The first part; with {@code hasNext: true} in its body when later parts follow. */
  public GatewayResponse initial() {
    return initial;
  }

  public boolean incremental() {
    return later > 0;
  }

  /** Completes once the last part was handed on (at once for a response in one part). */
  public CompletableFuture<Void> finished() {
    return finished;
  }

  /** Hands each later part to {@code parts}, those already delivered at once, in order. */
  public synchronized void subscribe(Consumer<Map<String, Object>> parts) {
    buffered.forEach(parts);
    buffered.clear();
    subscriber = parts;
  }

  /** The next later part, made of these incremental entries. */
  synchronized void deliver(List<Map<String, Object>> items) {
    delivered++;
    boolean hasNext = delivered < later;
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("hasNext", hasNext);
    if (!items.isEmpty()) {
      payload.put("incremental", items);
    }
    if (subscriber == null) {
      buffered.add(payload);
    } else {
      subscriber.accept(payload);
    }
    if (!hasNext) {
      finished.complete(null);
    }
  }
}
