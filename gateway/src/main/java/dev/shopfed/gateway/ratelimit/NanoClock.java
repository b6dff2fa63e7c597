package dev.shopfed.gateway.ratelimit;

/** A monotonic clock in nanoseconds; tests pass one they move by hand instead of waiting. */
@FunctionalInterface
public interface NanoClock {

  long nanoTime();

  static NanoClock system() {
    return System::nanoTime;
  }
}
