package dev.shopfed.gateway.consent;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The record of every crossing of personal data between subgraphs, written before the data is sent. */
public interface CrossingLog {

  /** Records the crossing; completes only once the row is committed, and fails when it could not be. */
  CompletableFuture<Void> append(Crossing crossing);

  /** The subject's most recent crossings, newest first, at most {@code limit}. */
  CompletableFuture<List<Crossing>> of(String subject, int limit);

  /** Writes the crossings of one subject, or of everyone when null, as one JSON object per line, oldest first. */
  void exportJsonLines(String subjectOrNull, Writer out) throws IOException;
}
