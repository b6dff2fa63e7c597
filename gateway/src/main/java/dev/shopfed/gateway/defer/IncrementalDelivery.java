package dev.shopfed.gateway.defer;

import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import dev.shopfed.gateway.execution.GraphQLErrors;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs an operation with {@code @defer} as its primary operation and one operation per deferred fragment, all
 * started at once: the first part waits only for the primary's fetches. A deferred part is delivered once its own
 * answer is in and the part it is nested in was delivered, so every later part applies to data the client has.
 */
public final class IncrementalDelivery {

  private final Function<GatewayRequest, GatewayResponse> rejection;
  private final Function<GatewayRequest, CompletableFuture<GatewayResponse>> run;

  /**
   * @param rejection the response refusing a request before it runs (invalid document, variables...), or null
   * @param run       runs one operation to its complete response
   */
  public IncrementalDelivery(Function<GatewayRequest, GatewayResponse> rejection,
      Function<GatewayRequest, CompletableFuture<GatewayResponse>> run) {
    this.rejection = rejection;
    this.run = run;
  }

  public CompletableFuture<IncrementalResponse> execute(GatewayRequest request) {
    DeferSplit split = split(request);
    if (split == null) {
      return run.apply(request).thenApply(IncrementalResponse::whole);
    }
    GatewayResponse rejected = rejection.apply(request);
    if (rejected != null) { // errors about the client's own document, not a part of it
      return CompletableFuture.completedFuture(IncrementalResponse.whole(rejected));
    }
    CompletableFuture<GatewayResponse> primary = run.apply(request.withQuery(split.primary()));
    List<CompletableFuture<List<Map<String, Object>>>> later = new ArrayList<>();
    for (DeferredFragment fragment : split.deferred()) {
      later.add(run.apply(laterRequest(request, fragment.query()))
          .handle((response, failure) -> IncrementalItems.of(fragment, failure == null ? response.body() : failed())));
    }
    return primary.thenApply(first -> {
      if (first.outcome() != GatewayResponse.Outcome.EXECUTED || first.body().get("data") == null) {
        return IncrementalResponse.whole(first); // nothing a later part could apply to
      }
      IncrementalResponse response = new IncrementalResponse(initial(first), later.size());
      deliverInOrder(split.deferred(), later, response);
      return response;
    });
  }

  /**
   * Null when nothing is deferred, and for a document that does not parse or name its operation: it runs whole
   * and its errors say what is wrong. Apollo Client accepts multipart on every request: most hold no defer.
   */
  private static DeferSplit split(GatewayRequest request) {
    if (request.query() == null || !request.query().contains("@defer")) {
      return null;
    }
    try {
      return DeferredFragments.split(Parser.parse(request.query()), request.operationName(), request.variables());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A nested fragment's index is always after its parent's: the fragments were found outside in. */
  private static void deliverInOrder(List<DeferredFragment> fragments,
      List<CompletableFuture<List<Map<String, Object>>>> later, IncrementalResponse response) {
    List<CompletableFuture<Void>> delivered = new ArrayList<>();
    for (int i = 0; i < fragments.size(); i++) {
      int parent = fragments.get(i).parent();
      CompletableFuture<Void> after = parent < 0 ? CompletableFuture.completedFuture(null) : delivered.get(parent);
      delivered.add(later.get(i).thenCombine(after, (items, ignored) -> items).thenAccept(response::deliver));
    }
  }

  @SuppressWarnings("unchecked")
  private static GatewayResponse initial(GatewayResponse first) {
    Map<String, Object> body = new LinkedHashMap<>(first.body());
    body.put("data", IncrementalItems.withoutPlaceholders((Map<String, Object>) body.get("data")));
    body.put("hasNext", true);
    return new GatewayResponse(body, first.outcome(), first.headers());
  }

  /** A deferred fragment's run asks for no plan or cost: those of the primary answer for the request. */
  private static GatewayRequest laterRequest(GatewayRequest request, String query) {
    return new GatewayRequest(query, request.operationName(), request.variables(), request.extensions(),
        request.headers(), false, request.readOnly(), false, request.requestId(), request.identity());
  }

  private static Map<String, Object> failed() {
    return GraphQLErrors.requestErrors(List.of(GraphQLErrors.error("Internal server error", null,
        "INTERNAL_SERVER_ERROR")));
  }
}
