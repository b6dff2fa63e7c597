package dev.shopfed.commerce.model;

/**
 * A buyer. Its addresses, cart, orders and purchase history are resolved per field, and only for the buyer themself.
 */
public record User(String id) {
}
