package dev.shopfed.gateway.consent;

import java.util.List;

/** One transfer of classified data between subgraphs, as the crossing log keeps it: never the values. */
public record Crossing(String subject, List<String> fields, List<String> categories, String fromSubgraph,
    String toSubgraph, String purpose, String requestId, java.time.Instant at) {}
