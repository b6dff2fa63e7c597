package dev.shopfed.gateway.consent;

import java.time.Instant;

/** A purpose the subject has granted, and since when. */
public record Consent(String purpose, Instant grantedAt) {}
