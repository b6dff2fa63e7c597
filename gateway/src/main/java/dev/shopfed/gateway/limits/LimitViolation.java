package dev.shopfed.gateway.limits;

/**
 * An operation refused for its size: a request error with a stable code.
 *
 * @param code    the {@code extensions.code}, e.g. {@code MAX_DEPTH_LIMIT}
 * @param message what was measured against which setting
 */
public record LimitViolation(String code, String message) {

  static LimitViolation of(String code, String what, long measured, int limit, String setting) {
    return new LimitViolation(code,
        what + " " + measured + " exceeds the limit of " + limit + " (gateway.limits." + setting + ")");
  }
}
