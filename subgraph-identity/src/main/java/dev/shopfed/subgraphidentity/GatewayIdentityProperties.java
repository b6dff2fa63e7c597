package dev.shopfed.subgraphidentity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code shopfed.gateway-identity.*} settings: how this subgraph verifies the gateway's {@code x-gateway-identity}
 * token. One of {@code jwks-file} or {@code jwks-url} is required; there is no way to switch the check off.
 *
 * @param jwksFile  the gateway's public JWKS as a file, re-read when it changes ({@code classpath:} locations are
 *                  read once)
 * @param jwksUrl   the gateway's JWKS endpoint ({@code http://gateway/.well-known/subgraph-identity/jwks.json}),
 *                  cached and fetched again for an unknown {@code kid}
 * @param issuer    the {@code iss} the gateway signs with (default {@code shopfed-gateway})
 * @param audience  this subgraph's name in the supergraph ({@code @join__graph(name:)}): a token for another
 *                  subgraph is refused
 * @param clockSkew how far the clocks of gateway and subgraph may differ (default 30s)
 */
@ConfigurationProperties("shopfed.gateway-identity")
public record GatewayIdentityProperties(
    String jwksFile,
    String jwksUrl,
    @DefaultValue("shopfed-gateway") String issuer,
    String audience,
    @DefaultValue("30s") Duration clockSkew) {}
