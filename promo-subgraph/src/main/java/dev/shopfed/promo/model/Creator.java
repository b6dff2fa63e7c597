package dev.shopfed.promo.model;

/** A creator profile; {@code videos} is resolved by a data fetcher. */
public record Creator(String id, String handle, String displayName, String bio, int followerCount) {
}
