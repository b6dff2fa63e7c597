package dev.shopfed.gateway.http;

import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.CorsWebFilter;

/**
 * The CORS policy from {@code gateway.cors.*}, applied by Spring's {@link CorsWebFilter}. With no origins configured
 * no answer carries {@code Access-Control-*} headers and every preflight is refused (403), so no browser page on
 * another origin can read an answer or send a preflighted request.
 */
final class CrossOriginAccess {

  private CrossOriginAccess() {}

  static CorsWebFilter filter(CorsProperties cors) {
    return new CorsWebFilter(source(cors));
  }

  static CorsConfigurationSource source(CorsProperties cors) {
    if (cors.allowedOrigins().isEmpty()) {
      CorsConfiguration none = new CorsConfiguration(); // no origin allowed: Spring refuses the preflight
      return exchange -> CorsUtils.isPreFlightRequest(exchange.getRequest()) ? none : null;
    }
    CorsConfiguration configuration = configuration(cors);
    return exchange -> configuration;
  }

  /** Entries with {@code *} are patterns ({@code https://*.example.com}), the rest exact origins. */
  static CorsConfiguration configuration(CorsProperties cors) {
    CorsConfiguration configuration = new CorsConfiguration();
    List<String> origins = cors.allowedOrigins().stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    configuration.setAllowedOrigins(origins.stream().filter(o -> !o.contains("*")).toList());
    configuration.setAllowedOriginPatterns(origins.stream().filter(o -> o.contains("*")).toList());
    configuration.setAllowedHeaders(cors.allowedHeaders());
    configuration.setAllowedMethods(cors.allowedMethods());
    configuration.setExposedHeaders(cors.exposedHeaders());
    configuration.setAllowCredentials(cors.allowCredentials());
    configuration.setMaxAge(cors.maxAge());
    configuration.validateAllowCredentials();
    return configuration;
  }
}
