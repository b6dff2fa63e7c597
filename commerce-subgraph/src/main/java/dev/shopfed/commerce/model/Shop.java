package dev.shopfed.commerce.model;

public record Shop(String id, String name, String city, double rating) {
}
