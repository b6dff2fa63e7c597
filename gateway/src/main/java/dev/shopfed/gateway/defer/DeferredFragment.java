package dev.shopfed.gateway.defer;

import java.util.List;

/**
 * One active {@code @defer} fragment of a client's operation, made its own operation.
 *
 * @param label  the directive's {@code label}, or null
 * @param path   the response keys from the root to the object the fragment applies to (no list indexes: the
 *               fragment applies to every item of a list on the way)
 * @param parent the index of the deferred fragment it is nested in, or -1 when it is in the primary selection
 * @param query  the operation that answers it: the path's fields, pruned to that path, and the fragment's selection
 *               (its own nested deferred fragments left out)
 */
public record DeferredFragment(String label, List<String> path, int parent, String query) {

  public DeferredFragment {
    path = List.copyOf(path);
  }
}
