package dev.shopfed.e2e.parity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A signed value in an answer (a compact JWS: promo's {@code Product.priceQuote}) is made afresh for every request, so
 * two gateways asking promo one after the other get different signatures and issue times. They are compared by what
 * the value says: its claims without {@code iat} and {@code exp}.
 */
final class SignedValues {

  private static final Pattern COMPACT_JWS = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private SignedValues() {}

  /** {@code text} itself, unless it is a compact JWS: then its claims less the times. */
  static Object comparable(String text) {
    if (!COMPACT_JWS.matcher(text).matches()) {
      return text;
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(text.split("\\.")[1]), StandardCharsets.UTF_8);
      Map<String, Object> claims = ParityJson.parseObject(payload);
      claims.remove("iat");
      claims.remove("exp");
      return "signed " + ParityJson.write(claims);
    } catch (RuntimeException notJson) {
      return text;
    }
  }
}
