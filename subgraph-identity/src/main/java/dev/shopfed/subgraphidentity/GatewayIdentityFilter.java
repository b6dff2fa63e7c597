package dev.shopfed.subgraphidentity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only the gateway: every request but the health check must carry a valid {@code x-gateway-identity} token,
 * else HTTP 401 with a GraphQL error coded {@code UNAUTHENTICATED}, before anything runs. The verified caller goes on
 * as {@link VerifiedCaller#SUBJECT_HEADER} and {@link VerifiedCaller#SCOPE_HEADER}; any such header the caller sent
 * itself is dropped.
 */
public final class GatewayIdentityFilter extends OncePerRequestFilter {

  public static final String TOKEN_HEADER = "x-gateway-identity";
  private static final byte[] REFUSAL = ("{\"errors\":[{\"message\":\"This service answers only the gateway: "
      + "the x-gateway-identity token is missing or invalid\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}")
      .getBytes(StandardCharsets.UTF_8);

  private final GatewayIdentityVerifier verifier;

  public GatewayIdentityFilter(GatewayIdentityVerifier verifier) {
    this.verifier = verifier;
  }

  /** The health check stays open: the launcher and orchestrators probe it without credentials. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Enumeration<String> tokens = request.getHeaders(TOKEN_HEADER);
    List<String> values = tokens == null ? List.of() : Collections.list(tokens);
    Optional<VerifiedCaller> caller = values.size() == 1 ? verifier.verify(values.get(0)) : Optional.empty();
    if (caller.isEmpty()) {
      refuse(response);
      return;
    }
    chain.doFilter(new VerifiedRequest(request, caller.get()), response);
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer realm=\"gateway-identity\", error=\"invalid_token\"");
    response.setContentType("application/json");
    response.setContentLength(REFUSAL.length);
    response.getOutputStream().write(REFUSAL);
  }

  /** The request with the verified caller's headers in place of any the caller sent. */
  private static final class VerifiedRequest extends HttpServletRequestWrapper {

    private final Map<String, String> verified = new LinkedHashMap<>();

    VerifiedRequest(HttpServletRequest request, VerifiedCaller caller) {
      super(request);
      if (caller.subject() != null) {
        verified.put(VerifiedCaller.SUBJECT_HEADER, caller.subject());
      }
      if (!caller.scopes().isEmpty()) {
        verified.put(VerifiedCaller.SCOPE_HEADER, String.join(" ", caller.scopes()));
      }
    }

    private static boolean owned(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      return lower.equals(VerifiedCaller.SUBJECT_HEADER) || lower.equals(VerifiedCaller.SCOPE_HEADER);
    }

    @Override
    public String getHeader(String name) {
      return owned(name) ? verified.get(name.toLowerCase(Locale.ROOT)) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      if (!owned(name)) {
        return super.getHeaders(name);
      }
      String value = verified.get(name.toLowerCase(Locale.ROOT));
      return Collections.enumeration(value == null ? List.of() : List.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>();
      for (String name : Collections.list(super.getHeaderNames())) {
        if (!owned(name)) {
          names.add(name);
        }
      }
      names.addAll(verified.keySet());
      return Collections.enumeration(names);
    }
  }
}
