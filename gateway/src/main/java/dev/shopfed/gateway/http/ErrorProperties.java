package dev.shopfed.gateway.http;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.errors.*}: what clients learn from failures.
 *
 * @param exposeSubgraphErrors pass subgraph errors through unmasked, extensions and all (development only)
 */
public record ErrorProperties(@DefaultValue("false") boolean exposeSubgraphErrors) {}
