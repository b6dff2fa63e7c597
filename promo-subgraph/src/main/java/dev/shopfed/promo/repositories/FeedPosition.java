package dev.shopfed.promo.repositories;

import java.time.Instant;

/**
 * Where an item sits in the feed. The feed is ordered by (postedAt, kind, seq) descending, a total order, so a
 * position is a keyset cursor: the next page starts strictly after it.
 */
public record FeedPosition(Instant postedAt, int kind, int seq) {

    public static final int VIDEO = 1;
    public static final int LIVE_STREAM = 2;
    public static final int PRODUCT = 3;
}
