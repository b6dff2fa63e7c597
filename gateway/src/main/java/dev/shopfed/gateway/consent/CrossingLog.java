package dev.shopfed.gateway.consent;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Every transfer of classified data, appended before it is made. */
public interface CrossingLog {
  CompletableFuture<Void> append(Crossing crossing);

  CompletableFuture<List<Crossing>> of(String subject, int limit);

  void exportJsonLines(String subjectOrNull, java.io.Writer out) throws java.io.IOException;
}
