package dev.shopfed.promo.model;

public enum LiveStreamStatus {
    SCHEDULED,
    LIVE,
    ENDED
}
