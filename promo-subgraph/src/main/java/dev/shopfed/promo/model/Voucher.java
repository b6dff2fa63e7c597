package dev.shopfed.promo.model;

public record Voucher(String code, String description, Money minSpend, int discountPercent) {
}
