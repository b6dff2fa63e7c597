package dev.shopfed.gateway.consent;

import java.time.Instant;
import java.util.List;

/**
 * One fetch that sent a subject's personal data from one subgraph to another: which fields (as the flow records
 * name them) of which categories, for which purpose, in which request, when.
 */
public record Crossing(String subject, List<String> fields, List<String> categories, String fromSubgraph,
    String toSubgraph, String purpose, String requestId, Instant at) {

  public Crossing {
    fields = fields == null ? List.of() : List.copyOf(fields);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }
}
