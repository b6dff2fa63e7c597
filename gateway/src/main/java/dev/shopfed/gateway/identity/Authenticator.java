package dev.shopfed.gateway.identity;

import java.util.List;
import java.util.Locale;

/**
 * Turns a request's {@code Authorization} header into its {@link Identity}: none is anonymous, a {@code Bearer}
 * token must verify, anything else is refused. With authentication off every request is anonymous.
 */
public final class Authenticator {

  private static final String BEARER = "bearer ";

  private final TokenVerifier verifier;

  private Authenticator(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  public static Authenticator create(AuthenticationOptions options) {
    return new Authenticator(options.enabled() ? TokenVerifier.create(options) : null);
  }

  public boolean enabled() {
    return verifier != null;
  }

  /** Whether {@link #authenticate} may wait on the network for keys. */
  public boolean mayBlock() {
    return verifier != null && verifier.mayBlock();
  }

  /** @param authorization every value of the request's {@code Authorization} header (empty when absent) */
  public Identity authenticate(List<String> authorization) throws InvalidTokenException {
    if (verifier == null || authorization == null || authorization.isEmpty()) {
      return Identity.ANONYMOUS;
    }
    if (authorization.size() > 1) {
      throw new InvalidTokenException("more than one Authorization header");
    }
    String value = authorization.get(0).trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw new InvalidTokenException("the Authorization header must be \"Bearer <token>\"");
    }
    String token = value.substring(BEARER.length()).trim();
    if (token.isEmpty()) {
      throw new InvalidTokenException("empty");
    }
    return verifier.verify(token);
  }
}
