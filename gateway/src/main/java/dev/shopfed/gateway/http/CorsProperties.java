package dev.shopfed.gateway.http;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.cors.*}: which browser origins may call the gateway. With no origins listed there is no
 * cross-origin access at all: no {@code Access-Control-*} headers and every preflight refused.
 *
 * @param allowedOrigins   exact origins ({@code https://app.example.com}) or patterns with {@code *}
 *                         ({@code https://*.example.com})
 * @param allowedHeaders   request headers a cross-origin request may carry ({@code *}: any)
 * @param allowedMethods   methods a cross-origin request may use
 * @param exposedHeaders   response headers the browser lets the page read
 * @param allowCredentials whether cookies and HTTP authentication may be sent
 * @param maxAge           how long a browser may cache a preflight's answer
 */
public record CorsProperties(
    @DefaultValue({}) List<String> allowedOrigins,
    @DefaultValue("*") List<String> allowedHeaders,
    @DefaultValue({"GET", "POST"}) List<String> allowedMethods,
    @DefaultValue("x-request-id") List<String> exposedHeaders,
    @DefaultValue("false") boolean allowCredentials,
    @DefaultValue("30m") Duration maxAge) {}
