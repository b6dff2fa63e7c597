package dev.shopfed.gateway.consent;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The purposes each subject (a verified token's {@code sub}) has granted. A failed future means the registry could
 * not be read or written: the caller treats it as no consent (fail closed).
 */
public interface ConsentRegistry {

  /** The subject's granted purposes, oldest first. */
  CompletableFuture<List<Consent>> consents(String subject);

  /** Grants the purpose (granting it again changes nothing) and answers the consents after, oldest first. */
  CompletableFuture<List<Consent>> grant(String subject, String purpose);

  /** Revokes the purpose (revoking one not granted changes nothing) and answers the consents after, oldest first. */
  CompletableFuture<List<Consent>> revoke(String subject, String purpose);
}
