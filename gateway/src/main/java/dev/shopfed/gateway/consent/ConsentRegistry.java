package dev.shopfed.gateway.consent;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Who granted which purpose. */
public interface ConsentRegistry {
  CompletableFuture<List<Consent>> consents(String subject);

  CompletableFuture<List<Consent>> grant(String subject, String purpose);

  CompletableFuture<List<Consent>> revoke(String subject, String purpose);
}
