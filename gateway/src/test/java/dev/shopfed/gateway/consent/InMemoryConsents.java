package dev.shopfed.gateway.consent;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** Consents and crossings in memory, for engine tests; either can be made to fail. */
final class InMemoryConsents implements ConsentRegistry, CrossingLog {

  final Map<String, Map<String, Consent>> consents = new LinkedHashMap<>();
  final List<Crossing> crossings = new ArrayList<>();
  final AtomicBoolean registryDown = new AtomicBoolean();
  final AtomicBoolean logDown = new AtomicBoolean();

  @Override
  public synchronized CompletableFuture<List<Consent>> consents(String subject) {
    if (registryDown.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("registry down"));
    }
    return CompletableFuture.completedFuture(List.copyOf(consents.getOrDefault(subject, Map.of()).values()));
  }

  @Override
  public synchronized CompletableFuture<List<Consent>> grant(String subject, String purpose) {
    consents.computeIfAbsent(subject, s -> new LinkedHashMap<>()).putIfAbsent(purpose, new Consent(purpose,
        Instant.parse("2026-12-01T10:00:00Z")));
    return consents(subject);
  }

  @Override
  public synchronized CompletableFuture<List<Consent>> revoke(String subject, String purpose) {
    consents.getOrDefault(subject, new LinkedHashMap<>()).remove(purpose);
    return consents(subject);
  }

  @Override
  public synchronized CompletableFuture<Void> append(Crossing crossing) {
    if (logDown.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("log down"));
    }
    crossings.add(crossing);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletableFuture<List<Crossing>> of(String subject, int limit) {
    List<Crossing> mine = new ArrayList<>(crossings.stream().filter(c -> c.subject().equals(subject)).toList());
    java.util.Collections.reverse(mine);
    return CompletableFuture.completedFuture(mine.stream().limit(limit).toList());
  }

  @Override
  public void exportJsonLines(String subjectOrNull, Writer out) throws IOException {
    throw new UnsupportedOperationException("not needed by the engine tests");
  }
}
