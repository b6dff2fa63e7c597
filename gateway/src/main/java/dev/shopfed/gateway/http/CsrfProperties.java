package dev.shopfed.gateway.http;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.csrf.*}: refuse requests a browser could send cross-site without a CORS preflight.
 *
 * @param enabled         on by default, as in Apollo Router
 * @param requiredHeaders any one of these, non-empty, marks a request as not sendable by a plain form or link
 */
public record CsrfProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue({"x-apollo-operation-name", "apollo-require-preflight"}) List<String> requiredHeaders) {}
