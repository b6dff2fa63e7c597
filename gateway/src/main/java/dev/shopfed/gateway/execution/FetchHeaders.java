package dev.shopfed.gateway.execution;

import dev.shopfed.gateway.headers.HeaderRules;
import dev.shopfed.gateway.headers.ResponseHeaders;
import dev.shopfed.gateway.identity.Identity;
import dev.shopfed.gateway.subgraphidentity.SubgraphTokens;
import dev.shopfed.gateway.supergraph.Subgraph;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The headers of one client request's subgraph fetches: the header rules applied to the client's headers, plus the
 * gateway's identity token for that subgraph; and the subgraph response headers going back to the client.
 */
final class FetchHeaders {

  private final Map<String, List<String>> client;
  private final Identity identity;
  private final HeaderRules rules;
  private final SubgraphTokens tokens;
  private final Map<String, Map<String, List<String>>> bySubgraph = new ConcurrentHashMap<>();
  private final ResponseHeaders answered = new ResponseHeaders();

  FetchHeaders(Map<String, List<String>> client, Identity identity, HeaderRules rules, SubgraphTokens tokens) {
    this.client = client;
    this.identity = identity;
    this.rules = rules;
    this.tokens = tokens;
  }

  /** What a request to {@code subgraph} carries; the same for each fetch to it. */
  Map<String, List<String>> request(Subgraph subgraph) {
    return bySubgraph.computeIfAbsent(subgraph.name(), this::build);
  }

  /** Records one subgraph answer's headers. */
  void answered(Subgraph subgraph, Map<String, List<String>> headers) {
    answered.collect(rules.responseHeaders(subgraph.name()), headers);
  }

  /** The headers for the client response. */
  Map<String, List<String>> toClient() {
    return answered.toMap();
  }

  private Map<String, List<String>> build(String subgraph) {
    Map<String, List<String>> headers = new LinkedHashMap<>(rules.requestHeaders(subgraph, client));
    if (tokens.enabled()) {
      headers.put(SubgraphTokens.HEADER, List.of(tokens.tokenFor(identity, subgraph)));
    }
    return Collections.unmodifiableMap(headers);
  }
}
