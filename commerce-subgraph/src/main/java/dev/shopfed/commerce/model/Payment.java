package dev.shopfed.commerce.model;

public record Payment(
        String id,
        String orderId,
        String idempotencyKey,
        PaymentStatus status,
        PaymentMethod method,
        Money amount,
        String paidAt) {
}
