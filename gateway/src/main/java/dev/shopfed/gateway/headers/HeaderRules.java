package dev.shopfed.gateway.headers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which headers each subgraph request carries and which subgraph response headers go back to the client
 * ({@code gateway.headers.*}). The rules for all subgraphs run first, then the subgraph's own. Headers about the
 * connection (hop-by-hop) and those the gateway sets itself are never forwarded, whatever the rules say.
 *
 * @param all       rules and response headers for every subgraph
 * @param subgraphs rules and response headers per subgraph name, after those of {@code all}
 */
public record HeaderRules(SubgraphHeaders all, Map<String, SubgraphHeaders> subgraphs) {

  /** Never forwarded: they describe one connection (RFC 9110 §7.6.1) or the body, which the gateway writes. */
  public static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "te", "trailer",
      "transfer-encoding", "upgrade", "host", "content-length", "proxy-authenticate", "proxy-authorization",
      "proxy-connection", "expect");
  /** Set by the gateway on every subgraph request: a rule may not replace them. */
  public static final Set<String> GATEWAY_OWNED = Set.of("content-type", "accept", "x-gateway-identity");

  /**
   * @param request  rules in order
   * @param response response header names (lower-case) passed back to the client
   */
  public record SubgraphHeaders(List<HeaderRule> request, Set<String> response) {
    public SubgraphHeaders {
      request = request == null ? List.of() : List.copyOf(request);
      response = response == null ? Set.of() : Set.copyOf(response);
    }

    public static final SubgraphHeaders NONE = new SubgraphHeaders(List.of(), Set.of());
  }

  public HeaderRules {
    all = all == null ? SubgraphHeaders.NONE : all;
    subgraphs = subgraphs == null ? Map.of() : Map.copyOf(subgraphs);
  }

  public static HeaderRules none() {
    return new HeaderRules(SubgraphHeaders.NONE, Map.of());
  }

  /** {@code gateway.propagate-headers}: each named client header forwarded to every subgraph, ahead of the rules. */
  public HeaderRules propagatingFirst(List<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    List<HeaderRule> rules = new ArrayList<>();
    names.forEach(name -> rules.add(HeaderRule.Propagate.named(name)));
    rules.addAll(all.request());
    return new HeaderRules(new SubgraphHeaders(rules, all.response()), subgraphs);
  }

  /** The headers of a request to {@code subgraph}, from the client's (names lower-case). */
  public Map<String, List<String>> requestHeaders(String subgraph, Map<String, List<String>> client) {
    Map<String, List<String>> outgoing = new LinkedHashMap<>();
    all.request().forEach(rule -> rule.apply(client, outgoing));
    SubgraphHeaders own = subgraphs.get(subgraph);
    if (own != null) {
      own.request().forEach(rule -> rule.apply(client, outgoing));
    }
    outgoing.keySet().removeIf(name -> HOP_BY_HOP.contains(name) || GATEWAY_OWNED.contains(name)
        || name.startsWith("proxy-"));
    return outgoing;
  }

  /** The response header names chosen for {@code subgraph}. */
  public Set<String> responseHeaders(String subgraph) {
    SubgraphHeaders own = subgraphs.get(subgraph);
    if (own == null || own.response().isEmpty()) {
      return all.response();
    }
    Set<String> names = new TreeSet<>(all.response());
    names.addAll(own.response());
    return names;
  }
}
