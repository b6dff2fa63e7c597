package dev.shopfed.gateway.http;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.batching.*}: a POST body that is a JSON array of operations (Apollo Client's BatchHttpLink),
 * answered as an array of responses in the same order.
 *
 * @param enabled off by default, as in Apollo Router and Hive Gateway
 * @param maxSize the most operations one batch may hold
 */
public record BatchingProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("10") int maxSize) {}
