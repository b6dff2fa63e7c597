package dev.shopfed.gateway.defer;

import java.util.List;

/**
 * A client's operation split at its {@code @defer} fragments: the primary operation (every deferred fragment left
 * out) answers the first part, each deferred fragment's own operation a later one. Each is planned on its own, so
 * the fetches of a deferred fragment never hold back the primary's.
 */
public record DeferSplit(String primary, List<DeferredFragment> deferred) {

  public DeferSplit {
    deferred = List.copyOf(deferred);
  }
}
