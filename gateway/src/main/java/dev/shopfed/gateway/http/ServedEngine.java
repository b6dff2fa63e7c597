package dev.shopfed.gateway.http;

import dev.shopfed.gateway.GatewayEngine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine and the number of requests holding it. A replaced engine is retired: it closes when the last request
 * that holds it finishes, so a supergraph reload never fails a request in flight, mutations included.
 */
final class ServedEngine {

  private static final int CLOSED = -1;

  private final GatewayEngine engine;
  private final AtomicInteger holders = new AtomicInteger();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile boolean retired;

  ServedEngine(GatewayEngine engine) {
    this.engine = engine;
  }

  GatewayEngine engine() {
    return engine;
  }

  /** Takes a hold for one request; false once closed (the caller then reads the engine in service again). */
  boolean hold() {
    while (true) {
      int n = holders.get();
      if (n == CLOSED) {
        return false;
      }
      if (holders.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void release() {
    while (true) {
      int n = holders.get();
      if (n <= 0) {
        return; // closed by force meanwhile
      }
      if (holders.compareAndSet(n, n - 1)) {
        if (n == 1 && retired) {
          closeIfIdle();
        }
        return;
      }
    }
  }

  /** Requests holding it right now. */
  int inFlight() {
    return Math.max(holders.get(), 0);
  }

  /** No new request takes it from now on; it closes once the ones holding it finish. Completes when closed. */
  CompletableFuture<Void> retire() {
    retired = true;
    closeIfIdle();
    return closed;
  }

  /** Closes at once, whoever still holds it: at shutdown, or when draining took too long. */
  void closeNow() {
    if (holders.getAndSet(CLOSED) != CLOSED) {
      finish();
    }
  }

  CompletableFuture<Void> closed() {
    return closed;
  }

  private void closeIfIdle() {
    if (holders.compareAndSet(0, CLOSED)) {
      finish();
    }
  }

  private void finish() {
    try {
      engine.close();
    } finally {
      closed.complete(null);
    }
  }
}
