package dev.shopfed.gateway.traffic;

import java.util.function.LongSupplier;

/**
 * How many retries one subgraph may still get, as Linkerd's and Finagle's retry budgets count: retries may add at most
 * a share of the requests made over the last window, plus a few a second always. A failing subgraph thus sees at most
 * that much extra load, however many clients retry. The window slides: the previous one's counts weigh by how much
 * of it still overlaps.
 */
final class RetryBudget {

  private final double ratio;
  private final long windowNanos;
  private final double reserve;
  private final LongSupplier clock;
  private long windowStart;
  private long requests;
  private long retries;
  private long previousRequests;
  private long previousRetries;

  RetryBudget(RetryOptions options, LongSupplier nanoClock) {
    this.ratio = options.budgetPercent() / 100.0;
    this.windowNanos = options.budgetWindow().toNanos();
    this.reserve = options.minRetriesPerSecond() * (windowNanos / 1e9);
    this.clock = nanoClock;
    this.windowStart = nanoClock.getAsLong();
  }

  synchronized void recordRequest() {
    roll();
    requests++;
  }

  /** Takes one retry from the budget; false when it is spent. */
  synchronized boolean tryRetry() {
    roll();
    double overlap = 1.0 - (double) (clock.getAsLong() - windowStart) / windowNanos;
    double madeRequests = requests + previousRequests * overlap;
    double madeRetries = retries + previousRetries * overlap;
    if (madeRetries + 1 > ratio * madeRequests + reserve) {
      return false;
    }
    retries++;
    return true;
  }

  private void roll() {
    long now = clock.getAsLong();
    if (now - windowStart < windowNanos) {
      return;
    }
    boolean skippedOne = now - windowStart >= 2 * windowNanos;
    previousRequests = skippedOne ? 0 : requests;
    previousRetries = skippedOne ? 0 : retries;
    requests = 0;
    retries = 0;
    windowStart = skippedOne ? now : windowStart + windowNanos;
  }
}
