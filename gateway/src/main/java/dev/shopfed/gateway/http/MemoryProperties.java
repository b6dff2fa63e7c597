package dev.shopfed.gateway.http;

import dev.shopfed.gateway.MemoryOptions;
import org.springframework.util.unit.DataSize;

/**
 * The {@code gateway.memory.*} settings: per-request memory budgets. Unset ones take {@link MemoryOptions#defaults()}.
 *
 * @param maxSubgraphResponseSize the largest answer read from one subgraph request
 * @param maxResponseSize         the most one request may hold: its merged subgraph answers, and the response built
 */
public record MemoryProperties(DataSize maxSubgraphResponseSize, DataSize maxResponseSize) {

  MemoryOptions engineOptions() {
    MemoryOptions defaults = MemoryOptions.defaults();
    return new MemoryOptions(
        maxSubgraphResponseSize == null ? defaults.maxSubgraphResponseBytes() : maxSubgraphResponseSize.toBytes(),
        maxResponseSize == null ? defaults.maxResponseBytes() : maxResponseSize.toBytes());
  }
}
