package dev.shopfed.gateway.http;

import dev.shopfed.gateway.subgraphidentity.SubgraphIdentityOptions;
import dev.shopfed.gateway.subgraphidentity.SubgraphTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /.well-known/subgraph-identity/jwks.json}: the public key the subgraphs verify {@code x-gateway-identity}
 * tokens with (for subgraphs configured with {@code shopfed.gateway-identity.jwks-url}).
 */
final class SubgraphIdentityJwks {

  static final String PATH = "/.well-known/subgraph-identity/jwks.json";

  private SubgraphIdentityJwks() {}

  static RouterFunction<ServerResponse> route(SubgraphIdentityOptions options, JsonMapper json) {
    byte[] body = json.writeValueAsBytes(SubgraphTokens.publicJwks(options.signingKey()));
    return RouterFunctions.route()
        .GET(PATH, request -> ServerResponse.ok()
            .contentType(MediaType.parseMediaType("application/jwk-set+json"))
            .cacheControl(CacheControl.noCache())
            .bodyValue(body))
        .build();
  }
}
