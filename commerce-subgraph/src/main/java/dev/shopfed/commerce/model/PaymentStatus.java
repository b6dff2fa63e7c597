package dev.shopfed.commerce.model;

public enum PaymentStatus {
    SUCCEEDED, FAILED
}
