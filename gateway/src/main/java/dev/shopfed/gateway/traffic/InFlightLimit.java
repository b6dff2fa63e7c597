package dev.shopfed.gateway.traffic;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/** At most {@code max} requests in flight to one subgraph; the others wait, first come first served, without a thread. */
final class InFlightLimit {

  private final int max;
  private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int inFlight;

  InFlightLimit(int max) {
    this.max = max;
  }

  /** Completes when the caller may send; the caller must {@link #release()} once its request is done. */
  synchronized CompletableFuture<Void> acquire() {
    if (inFlight < max) {
      inFlight++;
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> turn = new CompletableFuture<>();
    waiting.add(turn);
    return turn;
  }

  /** A waiter that gave up (timed out) leaves the queue. */
  synchronized void abandon(CompletableFuture<Void> turn) {
    waiting.remove(turn);
  }

  /** Hands the permit to the next waiter still waiting, else returns it. */
  void release() {
    while (true) {
      CompletableFuture<Void> next;
      synchronized (this) {
        next = waiting.poll();
        if (next == null) {
          inFlight--;
          return;
        }
      }
      if (next.complete(null)) { // outside the lock: the waiter's request starts on this thread
        return;
      }
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }
}
