package dev.shopfed.commerce.model;

/** An order header; items and payment are resolved per field. {@code createdAt} is ISO-8601 UTC. */
public record Order(String id, String userId, OrderStatus status, Money total, String createdAt) {
}
