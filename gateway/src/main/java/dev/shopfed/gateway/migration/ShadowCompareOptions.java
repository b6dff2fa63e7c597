package dev.shopfed.gateway.migration;

/**
 * Settings of the shadow compare ({@code gateway.migration.shadow.*}): for a share of the queries that select fields
 * under progressive override, the gateway also asks the other owner, off the client's path, and compares.
 *
 * @param share       the percentage (0–100, may be fractional) of such queries shadowed; 0 turns it off
 * @param maxInFlight how many shadow executions may run at once; past that a query is skipped, not queued
 * @param perSecond   how many shadow executions may start per second (a token bucket of that size); past that a
 *                    query is skipped
 */
public record ShadowCompareOptions(double share, int maxInFlight, int perSecond) {

  public static final int DEFAULT_MAX_IN_FLIGHT = 4;
  public static final int DEFAULT_PER_SECOND = 20;

  public ShadowCompareOptions {
    if (!(share >= 0 && share <= 100)) {
      throw new IllegalArgumentException("gateway.migration.shadow.share must be between 0 and 100, not " + share);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException(
          "gateway.migration.shadow.max-in-flight must be at least 1, not " + maxInFlight);
    }
    if (perSecond < 1) {
      throw new IllegalArgumentException("gateway.migration.shadow.per-second must be at least 1, not " + perSecond);
    }
  }

  /** Off (share 0), with the default bounds ready for when a share is set. */
  public static ShadowCompareOptions defaults() {
    return new ShadowCompareOptions(0, DEFAULT_MAX_IN_FLIGHT, DEFAULT_PER_SECOND);
  }

  public boolean enabled() {
    return share > 0;
  }
}
