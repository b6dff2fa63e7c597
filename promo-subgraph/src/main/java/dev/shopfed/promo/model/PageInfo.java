package dev.shopfed.promo.model;

public record PageInfo(boolean hasNextPage, String endCursor) {
}
