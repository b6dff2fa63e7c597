package dev.shopfed.commerce.model;

public record PageInfo(boolean hasNextPage, String endCursor) {
}
