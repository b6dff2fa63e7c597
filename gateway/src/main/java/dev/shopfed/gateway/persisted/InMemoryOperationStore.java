package dev.shopfed.gateway.persisted;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * APQ registrations in this process, bounded both by count and by total text size. Caffeine bounds one weight, so
 * every entry weighs at least {@code maxBytes / maxEntries}: the weights then stay under {@code maxBytes} only with
 * at most {@code maxEntries} entries, and the texts' bytes add up to at most {@code maxBytes}.
 */
public final class InMemoryOperationStore implements PersistedOperationStore {

  private final Cache<String, String> texts;

  public InMemoryOperationStore(long maxEntries, long maxBytes) {
    long floor = Math.max(1, ceilDiv(maxBytes, Math.max(1, maxEntries)));
    this.texts = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .<String, String>weigher((hash, text) -> (int) Math.min(Integer.MAX_VALUE, Math.max(floor, bytes(text))))
        .build();
  }

  @Override
  public CompletableFuture<Optional<String>> find(String hash) {
    return CompletableFuture.completedFuture(Optional.ofNullable(texts.getIfPresent(hash)));
  }

  @Override
  public void save(String hash, String text) {
    texts.put(hash, text);
  }

  /** How many registrations are held right now (after pending evictions). */
  long size() {
    texts.cleanUp();
    return texts.estimatedSize();
  }

  @Override
  public void close() {
    texts.invalidateAll();
  }

  private static long bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
