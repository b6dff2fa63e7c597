package dev.shopfed.gateway.consent;

import java.util.Set;

/**
 * What one request brings to the consent checks: whose data it is, the purposes they granted (read for this
 * request), and the request id the crossing log records.
 *
 * @param subject   the verified caller, or null when anonymous
 * @param granted   purposes granted; empty when anonymous or when the registry could not be read
 * @param requestId the request's id
 */
public record ConsentScope(String subject, Set<String> granted, String requestId) {

  public ConsentScope {
    granted = Set.copyOf(granted);
  }

  public static ConsentScope anonymous(String requestId) {
    return new ConsentScope(null, Set.of(), requestId);
  }
}
