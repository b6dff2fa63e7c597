package dev.shopfed.gateway.authorization;

/**
 * How the supergraph's {@code @authenticated}, {@code @requiresScopes} and {@code @policy} are enforced
 * ({@code gateway.authorization.*}).
 *
 * @param rejectUnauthorized when true a request asking for any unauthorized field is refused as a whole (HTTP 200,
 *                           {@code data: null}, one error per field, as Apollo Router's {@code reject_unauthorized});
 *                           by default those fields are removed and answered null, the rest served
 * @param policies           decides {@code @policy} policies
 */
public record AuthorizationOptions(boolean rejectUnauthorized, PolicyEvaluator policies) {

  public AuthorizationOptions {
    policies = policies == null ? PolicyEvaluator.DENY_ALL : policies;
  }

  public static AuthorizationOptions defaults() {
    return new AuthorizationOptions(false, PolicyEvaluator.DENY_ALL);
  }
}
