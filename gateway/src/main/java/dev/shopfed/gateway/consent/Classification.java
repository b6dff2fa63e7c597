package dev.shopfed.gateway.consent;

/** What {@code @personalData} says of a field: its category, and whether it may never leave its subgraph. */
public record Classification(String category, boolean confined) {}
