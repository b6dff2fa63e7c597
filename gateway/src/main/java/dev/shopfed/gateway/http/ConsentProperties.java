package dev.shopfed.gateway.http;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gateway.consent.*} settings.
 *
 * @param enabled     keep a consent registry and crossing log (default true); off, nothing classified crosses
 * @param jdbcUrl     where: an embedded H2 file by default, {@code jdbc:postgresql://...} for replicas to share one
 * @param username    database user, if the URL needs one
 * @param password    database password, if the URL needs one
 * @param poolSize    connections (and threads) the store uses
 * @param subgraph    the subgraph of the supergraph the gateway answers itself with the consent API
 * @param exportToken the operator's bearer token for {@code GET /consent/crossings}; unset, the export is off
 */
public record ConsentProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("jdbc:h2:file:./run/consent") String jdbcUrl,
    String username,
    String password,
    @DefaultValue("4") int poolSize,
    @DefaultValue("consent") String subgraph,
    String exportToken) {}
