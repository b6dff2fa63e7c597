package dev.shopfed.promo.model;

import java.time.Instant;

/** A live shopping stream; {@code shop} is null unless the stream is hosted for a commerce shop. */
public record LiveStream(
        String id,
        String title,
        String hostId,
        LiveStreamStatus status,
        int viewerCount,
        Instant startsAt,
        Shop shop) {
}
