package dev.shopfed.gateway.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Apollo Router's CSRF prevention: a request a browser may send cross-site without a CORS preflight (no Content-Type,
 * or one a plain HTML form can send, as on every GET a link or an image makes) runs only when it carries one of the
 * required headers, which no browser adds without a preflight. Everything else already needs a preflight, which
 * the CORS policy answers.
 */
final class CsrfPrevention {

  /** The content types the Fetch standard lets a page send without a preflight. */
  private static final Set<String> SIMPLE_TYPES = Set.of(
      "application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  private final boolean enabled;
  private final List<String> requiredHeaders;

  CsrfPrevention(boolean enabled, List<String> requiredHeaders) {
    this.enabled = enabled;
    this.requiredHeaders = requiredHeaders.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
        .filter(h -> !h.isEmpty()).toList();
  }

  static CsrfPrevention of(CsrfProperties properties) {
    return new CsrfPrevention(properties.enabled(), properties.requiredHeaders());
  }

  /** The refusal for a request that may be a forgery, or null when it may run. */
  RejectedRequest check(HttpHeaders headers) {
    if (!enabled || !preflightFree(headers.getFirst(HttpHeaders.CONTENT_TYPE)) || carriesRequiredHeader(headers)) {
      return null;
    }
    return RejectedRequest.refused(HttpStatus.BAD_REQUEST, "CSRF_ERROR",
        "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF): send it with a "
            + "Content-Type of application/json, or with one of the headers " + String.join(", ", requiredHeaders)
            + " (gateway.csrf.required-headers)");
  }

  private boolean carriesRequiredHeader(HttpHeaders headers) {
    return requiredHeaders.stream().map(headers::getFirst).anyMatch(value -> value != null && !value.isEmpty());
  }

  /** A Content-Type that does not parse is not one a browser sends without a preflight either. */
  private static boolean preflightFree(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return SIMPLE_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
