package dev.shopfed.promo.model;

import java.time.Instant;

/** A discount campaign; it runs from {@code startsAt} (inclusive) to {@code endsAt} (exclusive). */
public record Campaign(String id, String name, int discountPercent, Instant startsAt, Instant endsAt) {

    public boolean isActiveAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
