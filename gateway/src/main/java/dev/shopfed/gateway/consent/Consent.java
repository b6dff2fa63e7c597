package dev.shopfed.gateway.consent;

/** A purpose a subject granted, and when. */
public record Consent(String purpose, java.time.Instant grantedAt) {}
