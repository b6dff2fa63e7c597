package dev.shopfed.commerce.model;

public enum OrderStatus {
    AWAITING_PAYMENT, PAID, CANCELLED
}
