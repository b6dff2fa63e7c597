package dev.shopfed.gateway.execution;

import dev.shopfed.gateway.identity.Identity;
import java.util.List;
import java.util.Map;

/**
 * One client GraphQL request as the engine sees it, after the HTTP layer has decoded it.
 *
 * @param query         the operation document text; null when only a persisted operation's hash was sent
 * @param operationName the operation to run when the document holds several, or null
 * @param variables     raw variable values as decoded from JSON (never null)
 * @param extensions    request extensions (never null)
 * @param headers       client request headers, names lower-cased; some are forwarded to subgraphs
 * @param explain       when true the response carries the query plan in {@code extensions.queryPlan}
 * @param readOnly      when true a mutation is refused: the request came by a transport that must not change data
 *                      (HTTP GET), and its text may only be known once a persisted operation is looked up
 * @param exposeCost    when true the response carries the estimated and actual cost in {@code extensions.cost}
 * @param requestId     the id the HTTP layer gave this request, cited in masked errors and logs (may be null)
 * @param identity      who sent it, as its verified bearer token says ({@link Identity#ANONYMOUS} without one)
 */
public record GatewayRequest(
    String query,
    String operationName,
    Map<String, Object> variables,
    Map<String, Object> extensions,
    Map<String, List<String>> headers,
    boolean explain,
    boolean readOnly,
    boolean exposeCost,
    String requestId,
    Identity identity) {

  public GatewayRequest {
    variables = variables == null ? Map.of() : variables;
    extensions = extensions == null ? Map.of() : extensions;
    headers = headers == null ? Map.of() : headers;
    identity = identity == null ? Identity.ANONYMOUS : identity;
  }

  /** An anonymous request. */
  public GatewayRequest(String query, String operationName, Map<String, Object> variables,
      Map<String, Object> extensions, Map<String, List<String>> headers, boolean explain, boolean readOnly,
      boolean exposeCost, String requestId) {
    this(query, operationName, variables, extensions, headers, explain, readOnly, exposeCost, requestId,
        Identity.ANONYMOUS);
  }

  /** A request without an id (in-process callers, tests). */
  public GatewayRequest(String query, String operationName, Map<String, Object> variables,
      Map<String, Object> extensions, Map<String, List<String>> headers, boolean explain, boolean readOnly,
      boolean exposeCost) {
    this(query, operationName, variables, extensions, headers, explain, readOnly, exposeCost, null);
  }

  /** A request that does not ask for its cost. */
  public GatewayRequest(String query, String operationName, Map<String, Object> variables,
      Map<String, Object> extensions, Map<String, List<String>> headers, boolean explain, boolean readOnly) {
    this(query, operationName, variables, extensions, headers, explain, readOnly, false);
  }

  /** A request that may run mutations. */
  public GatewayRequest(String query, String operationName, Map<String, Object> variables,
      Map<String, Object> extensions, Map<String, List<String>> headers, boolean explain) {
    this(query, operationName, variables, extensions, headers, explain, false);
  }

  /** The same request with its operation text, e.g. once a persisted operation's hash is looked up. */
  public GatewayRequest withQuery(String text) {
    return new GatewayRequest(text, operationName, variables, extensions, headers, explain, readOnly, exposeCost,
        requestId, identity);
  }

  public static GatewayRequest of(String query) {
    return new GatewayRequest(query, null, Map.of(), Map.of(), Map.of(), false);
  }
}
