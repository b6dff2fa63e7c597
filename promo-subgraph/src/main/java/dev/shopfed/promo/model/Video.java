package dev.shopfed.promo.model;

import java.time.Instant;

/** A short video; {@code creator} and {@code products} are resolved by data fetchers. */
public record Video(
        String id,
        String title,
        String creatorId,
        int durationSeconds,
        int viewCount,
        int likeCount,
        String thumbnailUrl,
        Instant publishedAt) {
}
