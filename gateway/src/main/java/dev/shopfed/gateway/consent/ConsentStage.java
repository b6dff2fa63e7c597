package dev.shopfed.gateway.consent;

import dev.shopfed.gateway.identity.Identity;
import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.normalized.ExecutableNormalizedOperation;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consent for one supergraph, as the request path uses it: the caller's granted purposes read once per request
 * (only when the operation may need them), the plan-level decision of {@link ConsentPolicy}, the fetch-level
 * {@link CrossingGuard}, and the consent API the gateway answers itself when the supergraph composes it in.
 */
public final class ConsentStage {

  private static final Logger log = LoggerFactory.getLogger(ConsentStage.class);

  private final PrivacyModel model;
  private final ConsentOptions options;
  private final ConsentPolicy policy;
  private final CrossingGuard guard;
  private final ConsentSubgraph subgraph;
  private final Set<String> requiringFieldNames;

  public ConsentStage(Supergraph supergraph, ConsentOptions options) {
    this.model = PrivacyModel.of(supergraph);
    this.options = options;
    this.policy = new ConsentPolicy(model, supergraph.apiSchema());
    this.guard = model.isEmpty() ? null : new CrossingGuard(model, supergraph, options.log(), Clock.systemUTC());
    this.subgraph = options.enabled() && supergraph.subgraphNamed(options.subgraph()).isPresent()
        ? new ConsentSubgraph(options.registry(), options.log(), model.purposes())
        : null;
    this.requiringFieldNames = model.flows().stream().map(DataFlow::via).filter(via -> !via.equals(DataFlow.KEY))
        .map(via -> via.substring(via.indexOf('.') + 1)).collect(Collectors.toUnmodifiableSet());
  }

  public PrivacyModel model() {
    return model;
  }

  /** The fetch-level check, or null when nothing classified can cross. */
  public CrossingGuard guard() {
    return guard;
  }

  /** The consent API to answer in-process for the subgraph of that name, or null. */
  public ConsentSubgraph subgraph(String subgraphName) {
    return subgraph != null && options.subgraph().equals(subgraphName) ? subgraph : null;
  }

  /**
   * The request's consent scope. The registry is read only for a signed-in caller whose operation may cause a
   * flow; when it cannot be read, nothing is granted (consent fails closed).
   */
  public CompletableFuture<ConsentScope> scope(Identity identity, String query, String requestId) {
    if (model.isEmpty() || !identity.authenticated() || !options.enabled() || !mayNeedConsent(query)) {
      return CompletableFuture.completedFuture(new ConsentScope(identity.subject(), Set.of(), requestId));
    }
    return options.registry().consents(identity.subject()).handle((consents, failure) -> {
      if (failure != null) {
        log.warn("consent registry unreadable; nothing classified crosses for request {}: {}", requestId,
            failure.toString());
        return new ConsentScope(identity.subject(), Set.of(), requestId);
      }
      return new ConsentScope(identity.subject(), consents.stream().map(Consent::purpose).collect(
          Collectors.toSet()), requestId);
    });
  }

  /** The granted purposes a plan depends on (part of the plan cache's key). */
  public Set<String> planPurposes(ConsentScope scope) {
    if (scope.granted().isEmpty()) {
      return Set.of();
    }
    Set<String> relevant = new TreeSet<>(scope.granted());
    relevant.retainAll(model.purposes());
    return Collections.unmodifiableSet(relevant);
  }

  public ConsentPolicy.Decision decide(ExecutableNormalizedOperation operation, Set<String> planPurposes) {
    return policy.decide(operation, planPurposes);
  }

  /** A cheap over-approximation: key flows can come from any operation, required ones only through their field. */
  private boolean mayNeedConsent(String query) {
    if (model.hasKeyFlows()) {
      return true;
    }
    return query == null || requiringFieldNames.stream().anyMatch(query::contains);
  }

  /** The flows as printed and served: every field, category, from → to, purpose and via. */
  public List<DataFlow> flows() {
    return model.flows();
  }
}
