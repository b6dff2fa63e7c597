package dev.shopfed.commerce.model;

public enum PaymentMethod {
    VIRTUAL_ACCOUNT, E_WALLET, CREDIT_CARD, CASH_ON_DELIVERY
}
