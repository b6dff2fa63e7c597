package dev.shopfed.commerce.model;

public record Address(String label, String recipient, String street, String city, String postalCode) {
}
