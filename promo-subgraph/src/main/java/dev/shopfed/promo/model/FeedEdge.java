package dev.shopfed.promo.model;

/** One feed entry; {@code node} is a {@link Video}, a {@link LiveStream} or a {@link Product} reference. */
public record FeedEdge(String cursor, Object node) {
}
