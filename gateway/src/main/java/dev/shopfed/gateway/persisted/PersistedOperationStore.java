package dev.shopfed.gateway.persisted;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where automatic persisted queries are registered: operation texts by their SHA-256. A store is a cache: a lookup
 * that fails for any reason answers empty (the client then sends the text again), and a registration is best effort.
 */
public interface PersistedOperationStore extends AutoCloseable {

  /** The text registered under {@code hash}; empty when there is none or the store cannot be reached. Never fails. */
  CompletableFuture<Optional<String>> find(String hash);

  /** Registers {@code text} under {@code hash} (its SHA-256); does not wait, and never fails. */
  void save(String hash, String text);

  @Override
  void close();
}
