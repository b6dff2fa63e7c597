package dev.shopfed.commerce.model;

public record ProductEdge(String cursor, Product node) {
}
