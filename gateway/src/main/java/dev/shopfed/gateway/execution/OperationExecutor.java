package dev.shopfed.gateway.execution;

import com.github.benmanes.caffeine.cache.Cache;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.authorization.Authorization;
import dev.shopfed.gateway.authorization.Grant;
import dev.shopfed.gateway.consent.ConsentPolicy;
import dev.shopfed.gateway.consent.ConsentScope;
import dev.shopfed.gateway.consent.ConsentStage;
import dev.shopfed.gateway.consent.DataFlow;
import dev.shopfed.gateway.limits.LimitViolation;
import dev.shopfed.gateway.migration.FieldTraffic;
import dev.shopfed.gateway.migration.MigrationReport;
import dev.shopfed.gateway.migration.OverriddenField;
import dev.shopfed.gateway.migration.OverriddenFields;
import dev.shopfed.gateway.limits.NormalizationLimits;
import dev.shopfed.gateway.limits.VariablesLimit;
import dev.shopfed.gateway.migration.ShadowCompare;
import dev.shopfed.gateway.migration.ShadowCompareSnapshot;
import dev.shopfed.gateway.cost.CostEstimate;
import dev.shopfed.gateway.cost.DemandControl;
import dev.shopfed.gateway.headers.HeaderRules;
import dev.shopfed.gateway.migration.OverrideDecisions;
import dev.shopfed.gateway.operation.DocumentParser;
import dev.shopfed.gateway.operation.IntrospectionFields;
import dev.shopfed.gateway.operation.ParsedDocument;
import dev.shopfed.gateway.planning.PlanningException;
import dev.shopfed.gateway.planning.QueryPlan;
import dev.shopfed.gateway.planning.QueryPlanner;
import dev.shopfed.gateway.subgraphidentity.SubgraphTokens;
import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one client request through the stages: cached parse and validation → operation selection and variable
 * coercion → authorization (unauthorized fields left out of the plan) → consent (fields that need an ungranted
 * purpose left out) → cached plan → demand control (estimated
 * cost) → execution → response shaping. A complete answer may then be shadowed ({@link ShadowCompare}).
 */
public final class OperationExecutor {

  /** What a plan depends on besides the supergraph: the grant decides which fields it leaves out. */
  public record PlanKey(String query, String operationName, Set<String> labels, Map<String, Object> conditions,
      Grant grant, Set<String> purposes) {}

  /**
   * A cached plan with what shaping its responses needs, its estimated cost when that depends on no variables
   * (else null: estimated per request), and the errors of the fields authorization left out.
   */
  public record PreparedPlan(QueryPlan plan, ResponseOrder order, CostEstimate cost,
      List<Map<String, Object>> unauthorized, List<Map<String, Object>> consentRequired,
      Set<ExecutableNormalizedField> withheld, List<OverriddenField> overridden) {}

  private final Supergraph supergraph;
  private final GatewayOptions options;
  private final DocumentParser parser;
  private final Cache<String, ParsedDocument> documents;
  private final QueryPlanner planner;
  private final Cache<PlanKey, PreparedPlan> plans;
  private final PlanExecutor planExecutor;
  private final Introspection introspection;
  private final OverrideDecisions overrides;
  private final Set<String> abstractTypes;
  private final DemandControl demandControl;
  private final HeaderRules headerRules;
  private final SubgraphTokens subgraphTokens;
  private final Authorization authorization;
  private final ConsentStage consent;
  private final OverriddenFields overriddenFields;
  private final FieldTraffic fieldTraffic = new FieldTraffic();
  private final ShadowCompare shadow;

  public OperationExecutor(Supergraph supergraph, GatewayOptions options, SubgraphClient client, DocumentParser parser,
      Cache<String, ParsedDocument> documents, QueryPlanner planner, Cache<PlanKey, PreparedPlan> plans) {
    this.supergraph = supergraph;
    this.options = options;
    this.parser = parser;
    this.documents = documents;
    this.planner = planner;
    this.plans = plans;
    this.consent = new ConsentStage(supergraph, options.consent());
    this.overriddenFields = OverriddenFields.of(supergraph);
    this.planExecutor = new PlanExecutor(supergraph, client,
        new SubgraphErrorMasking(options.exposure().subgraphErrors()), consent);
    this.introspection = new Introspection(supergraph.apiSchema(), supergraph.typeOrder(), supergraph.directiveNames());
    this.overrides = new OverrideDecisions(supergraph.overrideLabels(), options.overrideLabels(), options.migration());
    this.abstractTypes = supergraph.abstractTypeNames();
    this.demandControl = new DemandControl(supergraph, options.demandControl());
    this.headerRules = options.headers().propagatingFirst(options.propagateHeaders());
    this.subgraphTokens = new SubgraphTokens(options.subgraphIdentity());
    this.authorization = new Authorization(supergraph, options.authorization());
    this.shadow = new ShadowCompare(supergraph, options.shadowCompare());
  }

  public ShadowCompare shadowCompare() {
    return shadow;
  }

  public List<DataFlow> dataFlows() {
    return consent.flows();
  }

  /** How far the migration of overridden fields is: the label shares in force, traffic and shadow findings. */
  public MigrationReport migrationReport() {
    ShadowCompareSnapshot shadowed = shadow.snapshot();
    Map<String, Double> shares = overrides.shares();
    return MigrationReport.of(supergraph, overriddenFields, fieldTraffic,
        label -> shares.getOrDefault(label, 0.0), field -> {
          ShadowCompareSnapshot.FieldCounts counts = shadowed.fields().get(field);
          return counts == null ? MigrationReport.Comparisons.NONE
              : new MigrationReport.Comparisons(counts.compared(), counts.mismatched());
        }).withShadow(shadowed);
  }

  /** The share of requests each of the supergraph's override labels is on for right now. */
  public Map<String, Double> overrideShares() {
    return overrides.shares();
  }

  public CompletableFuture<GatewayResponse> execute(GatewayRequest request) {
    ValidOperation operation;
    try {
      operation = validated(request);
    } catch (RequestRejected rejected) {
      return CompletableFuture.completedFuture(rejected.response);
    }
    // Read only now, for a valid operation: a refused request never costs a registry read.
    CompletableFuture<ConsentScope> scope = consent.scope(request.identity(), request.query(), request.requestId());
    if (scope.isDone()) {
      return planOrRefuse(request, operation, scope.join());
    }
    return scope.thenComposeAsync(s -> planOrRefuse(request, operation, s)); // off the registry's threads
  }

  /**
   * The response refusing this request before it is planned (document, variables, operation, or demand control's
   * estimate of the whole operation: parts run on their own must not pass a limit the whole would not), or null.
   */
  public GatewayResponse rejection(GatewayRequest request) {
    ValidOperation operation;
    try {
      operation = validated(request);
    } catch (RequestRejected rejected) {
      return rejected.response;
    }
    if (!demandControl.enforces()) {
      return null;
    }
    CostEstimate cost;
    try {
      cost = demandControl.estimate(ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
          supergraph.apiSchema(), operation.parsed().document(), request.operationName(), operation.variables(),
          NormalizationLimits.options(options.limits())), operation.variables());
    } catch (AbortExecutionException e) {
      return null; // the run itself reports the limit it passed
    }
    DemandControl.Refusal refusal = demandControl.refusal(cost);
    return refusal == null ? null : tooExpensive(request, refusal, cost);
  }

  /** A parsed, validated operation with its coerced variables. */
  private record ValidOperation(ParsedDocument parsed, OperationDefinition definition, CoercedVariables variables) {}

  private ValidOperation validated(GatewayRequest request) {
    VariablesLimit.check(request.variables(), options.limits()).ifPresent(violation -> {
      throw RequestRejected.of(violation.message(), violation.code());
    });
    ParsedDocument parsed = documents.get(request.query(), parser::parse);
    rejectSubscriptions(parsed, request.operationName());
    if (!parsed.isValid()) {
      throw new RequestRejected(parsed.errors().stream().map(OperationExecutor::toMap).toList());
    }
    if (!options.exposure().introspection() && IntrospectionFields.present(parsed.document())) {
      throw RequestRejected.of("Introspection is disabled (gateway.introspection=false): the operation selects "
          + "__schema or __type", "INTROSPECTION_DISABLED");
    }
    OperationDefinition operation = selectOperation(parsed, request.operationName());
    options.telemetry().operation(operation.getOperation().name().toLowerCase(Locale.ROOT), operation.getName());
    rejectMutationWhenReadOnly(request, operation);
    return new ValidOperation(parsed, operation, coerce(operation, request.variables()));
  }

  private CompletableFuture<GatewayResponse> planOrRefuse(GatewayRequest request, ValidOperation validated,
      ConsentScope consentScope) {
    try {
      return run(request, validated, consentScope);
    } catch (RequestRejected rejected) {
      return CompletableFuture.completedFuture(rejected.response);
    }
  }

  private CompletableFuture<GatewayResponse> run(GatewayRequest request, ValidOperation validated,
      ConsentScope consentScope) {
    return run(request, validated, consentScope, overrides.decide(request.identity(), request.headers()), shadow);
  }

  /** The shadow compare's second run: the same operation with other labels, itself never shadowed. */
  private CompletableFuture<Map<String, Object>> replay(GatewayRequest request, ValidOperation validated,
      ConsentScope consentScope, Set<String> labels) {
    return run(request, validated, consentScope, labels, null).thenApply(GatewayResponse::body);
  }

  /** With the labels given; {@code compare} (null: none) may shadow the complete answer. */
  private CompletableFuture<GatewayResponse> run(GatewayRequest request, ValidOperation validated,
      ConsentScope consentScope, Set<String> labels, ShadowCompare compare) {
    ParsedDocument parsed = validated.parsed();
    OperationDefinition operation = validated.definition();
    CoercedVariables variables = validated.variables();
    Map<String, Object> conditions = conditions(parsed, variables);
    Grant grant = authorization.grant(request.identity());
    Set<String> purposes = consent.planPurposes(consentScope);
    PlanKey key = new PlanKey(request.query(), request.operationName(), labels, conditions, grant, purposes);
    PreparedPlan prepared;
    try {
      prepared = plans.get(key, k -> options.telemetry().stage("plan", () -> plan(parsed, request.operationName(),
          operation, variables, labels, conditions, grant, purposes)));
    } catch (PlanningException e) {
      return CompletableFuture.completedFuture(planningFailed(e));
    } catch (AbortExecutionException e) {
      LimitViolation violation = NormalizationLimits.violation(e, options.limits());
      throw RequestRejected.of(violation.message(), violation.code());
    }
    if (compare != null) { // a client's request, not a shadow run
      fieldTraffic.record(prepared.overridden(), labels);
    }
    if (!prepared.unauthorized().isEmpty() && authorization.rejectsUnauthorized()) {
      return CompletableFuture.completedFuture(unauthorized(prepared));
    }
    CostEstimate cost = estimateCost(request, prepared, variables);
    DemandControl.Refusal refusal = cost == null ? null : demandControl.refusal(cost);
    if (refusal != null) {
      return CompletableFuture.completedFuture(tooExpensive(request, refusal, cost));
    }
    return executePlan(request, parsed, operation, prepared, variables, cost, consentScope, labels, compare);
  }

  /** The plan's cached estimate, else this request's; null when nobody needs one. */
  private CostEstimate estimateCost(GatewayRequest request, PreparedPlan prepared, CoercedVariables variables) {
    if (!demandControl.enforces() && !(demandControl.enabled() && request.exposeCost())) {
      return null;
    }
    return prepared.cost() != null ? prepared.cost() : demandControl.estimate(prepared.plan().operation(), variables);
  }

  private GatewayResponse tooExpensive(GatewayRequest request, DemandControl.Refusal refusal, CostEstimate cost) {
    Map<String, Object> body = GraphQLErrors.requestErrors(List.of(GraphQLErrors.error(refusal.message(), null, refusal.code())));
    if (request.exposeCost()) {
      body.put("extensions", Map.of("cost", demandControl.extension(cost, null)));
    }
    return new GatewayResponse(body, GatewayResponse.Outcome.REQUEST_ERROR);
  }

  /** gateway.authorization.reject-unauthorized: as Apollo Router, HTTP 200 with no data and the fields' errors. */
  private static GatewayResponse unauthorized(PreparedPlan prepared) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", prepared.unauthorized());
    body.put("data", null);
    return new GatewayResponse(body, GatewayResponse.Outcome.EXECUTED);
  }

  private PreparedPlan plan(ParsedDocument parsed, String operationName, OperationDefinition operation,
      CoercedVariables variables, Set<String> labels, Map<String, Object> conditions, Grant grant,
      Set<String> purposes) {
    var normalized = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
        supergraph.apiSchema(), parsed.document(), operationName, variables, NormalizationLimits.options(options.limits()));
    Authorization.Decision decision = authorization.decide(normalized, grant);
    ConsentPolicy.Decision consented = consent.decide(normalized, purposes);
    Set<ExecutableNormalizedField> withheld = withheld(decision, consented);
    QueryPlan plan = planner.plan(normalized, operation, labels, withheld);
    CostEstimate cost = demandControl.enabled() && operation.getVariableDefinitions().isEmpty()
        ? demandControl.estimate(normalized, variables)
        : null;
    return new PreparedPlan(plan,
        new ResponseOrder(supergraph.apiSchema(), parsed.document(), operation, normalized, conditions), cost,
        unauthorizedErrors(decision), consentErrors(consented), withheld, overriddenFields.selectedBy(normalized));
  }

  /** Left out of the plan and answered null: what authorization and consent refused. */
  private static Set<ExecutableNormalizedField> withheld(Authorization.Decision decision,
      ConsentPolicy.Decision consented) {
    if (consented.removed().isEmpty()) {
      return decision.removed();
    }
    Set<ExecutableNormalizedField> both = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    both.addAll(decision.removed());
    both.addAll(consented.removed());
    return both;
  }

  private static List<Map<String, Object>> consentErrors(ConsentPolicy.Decision decision) {
    return decision.refusals().stream()
        .map(r -> GraphQLErrors.error(r.message(), r.path(), ConsentPolicy.CONSENT_REQUIRED))
        .toList();
  }

  private static List<Map<String, Object>> unauthorizedErrors(Authorization.Decision decision) {
    return decision.paths().stream()
        .map(path -> GraphQLErrors.error(Authorization.MESSAGE, path, Authorization.UNAUTHORIZED))
        .toList();
  }

  private CompletableFuture<GatewayResponse> executePlan(GatewayRequest request, ParsedDocument parsed,
      OperationDefinition operation, PreparedPlan prepared, CoercedVariables variables, CostEstimate cost,
      ConsentScope consentScope, Set<String> labels, ShadowCompare compare) {
    QueryPlan plan = prepared.plan();
    ResultTree tree = new ResultTree(abstractTypes);
    tree.errors.addAll(prepared.unauthorized()); // first, and seen by shaping: no second error for their nulls
    tree.errors.addAll(prepared.consentRequired());
    Map<String, Object> introspected = plan.introspection()
        ? introspection.execute(parsed.document(), operation, request.variables())
        : Map.of();
    ResponseBudget budget = new ResponseBudget(options.memory().maxResponseBytes());
    FetchHeaders headers = fetchHeaders(request);
    SubgraphCall call = SubgraphCall.startingNow(operation.getOperation() == OperationDefinition.Operation.QUERY,
        options.traffic().requestTimeout());
    PlanExecutor.RequestScope scope = new PlanExecutor.RequestScope(tree, request.variables(), headers, budget,
        request.requestId(), consentScope, call);
    return planExecutor.execute(plan.root(), scope).thenApply(done -> {
      GraphQLObjectType rootType = rootType(operation);
      Map<String, Object> data;
      try {
        synchronized (tree) {
          data = budget.exceeded() ? null : new ResponseShaper(supergraph.apiSchema(), tree, introspected,
              prepared.order(), budget, prepared.withheld()).shape(plan.operation().getTopLevelFields(), rootType);
        }
      } catch (ResponseBudget.Exceeded e) {
        data = null;
      }
      if (budget.exceeded()) {
        return new GatewayResponse(budget.refusal(), GatewayResponse.Outcome.EXECUTED);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      List<Map<String, Object>> errors = ClientLocations.apply(plan.operation(), tree.errors);
      if (!errors.isEmpty()) {
        body.put("errors", errors);
      }
      body.put("data", data);
      Map<String, Object> extensions = new LinkedHashMap<>();
      if (request.explain()) {
        extensions.put("queryPlan", Map.of("text", plan.text(), "object", plan.outline()));
      }
      if (cost != null && request.exposeCost()) {
        extensions.put("cost", demandControl.extension(cost, demandControl.actual(plan.operation(), data, variables)));
      }
      if (!extensions.isEmpty()) {
        body.put("extensions", extensions);
      }
      if (compare != null) {
        compare.offer(plan.operation(), labels, body, flipped -> replay(request,
            new ValidOperation(parsed, operation, variables), consentScope, flipped));
      }
      return new GatewayResponse(body, outcome(call, tree), headers.toClient());
    });
  }

  /** As Apollo Router: past the deadline with nothing served, 504; with some data, 200 and the skipped fields' errors. */
  private static GatewayResponse.Outcome outcome(SubgraphCall call, ResultTree tree) {
    boolean nothingServed;
    synchronized (tree) {
      nothingServed = tree.data.isEmpty();
    }
    return call.expired() && nothingServed ? GatewayResponse.Outcome.DEADLINE_PASSED : GatewayResponse.Outcome.EXECUTED;
  }

  private GraphQLObjectType rootType(OperationDefinition operation) {
    return operation.getOperation() == OperationDefinition.Operation.MUTATION
        ? supergraph.apiSchema().getMutationType()
        : supergraph.apiSchema().getQueryType();
  }

  /** The header rules and the identity token each subgraph gets; never the client's own credentials. */
  private FetchHeaders fetchHeaders(GatewayRequest request) {
    return new FetchHeaders(request.headers(), request.identity(), headerRules, subgraphTokens);
  }

  /** Subscriptions are refused before validation, whatever else is wrong with the document (as Apollo Gateway does). */
  private static void rejectSubscriptions(ParsedDocument parsed, String operationName) {
    if (parsed.document() == null) {
      return;
    }
    OperationDefinition operation;
    try {
      operation = NodeUtil.getOperation(parsed.document(), operationName).operationDefinition;
    } catch (RuntimeException e) {
      return;
    }
    if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
      throw RequestRejected.of("Subscriptions are not supported by this gateway", "INVALID_GRAPHQL");
    }
  }

  /** A GET names a persisted mutation by hash only: its kind is known only now. */
  private static void rejectMutationWhenReadOnly(GatewayRequest request, OperationDefinition operation) {
    if (request.readOnly() && operation.getOperation() == OperationDefinition.Operation.MUTATION) {
      throw new RequestRejected(List.of(GraphQLErrors.error("Mutations are only accepted over POST", null,
          "METHOD_NOT_ALLOWED")), GatewayResponse.Outcome.MUTATION_NOT_ALLOWED);
    }
  }

  private static OperationDefinition selectOperation(ParsedDocument parsed, String operationName) {
    try {
      return NodeUtil.getOperation(parsed.document(), operationName).operationDefinition;
    } catch (RuntimeException e) {
      throw RequestRejected.of(clientMessage(e, "The operation to run cannot be determined"),
          "OPERATION_RESOLUTION_FAILURE");
    }
  }

  private CoercedVariables coerce(OperationDefinition operation, Map<String, Object> raw) {
    try {
      return ValuesResolver.coerceVariableValues(supergraph.apiSchema(), operation.getVariableDefinitions(),
          RawVariables.of(raw), GraphQLContext.getDefault(), Locale.ENGLISH);
    } catch (RuntimeException e) {
      if (e instanceof GraphQLError error) {
        Map<String, Object> map = toMap(error);
        map.put("extensions", new LinkedHashMap<>(Map.of("code", "BAD_USER_INPUT")));
        throw new RequestRejected(List.of(map));
      }
      throw RequestRejected.of(clientMessage(e, "Variable values cannot be coerced"), "BAD_USER_INPUT");
    }
  }

  private static Map<String, Object> conditions(ParsedDocument parsed, CoercedVariables variables) {
    if (parsed.conditionVariables().isEmpty()) {
      return Map.of();
    }
    Map<String, Object> values = new TreeMap<>();
    parsed.conditionVariables().forEach(v -> values.put(v, variables.get(v)));
    return java.util.Collections.unmodifiableMap(values);
  }

  private static GatewayResponse planningFailed(PlanningException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", List.of(GraphQLErrors.error(e.getMessage(), null, "QUERY_PLANNING_FAILED")));
    body.put("data", null);
    return new GatewayResponse(body, GatewayResponse.Outcome.EXECUTED);
  }

  /** graphql-java's own errors speak to the client; any other exception's message (an NPE's names classes) does not. */
  private static String clientMessage(RuntimeException e, String otherwise) {
    return e instanceof GraphQLError && e.getMessage() != null ? e.getMessage() : otherwise;
  }

  static Map<String, Object> toMap(GraphQLError error) {
    return new LinkedHashMap<>(error.toSpecification());
  }

  /** The request is refused before execution; carries the response to send. */
  private static final class RequestRejected extends RuntimeException {
    final GatewayResponse response;

    RequestRejected(List<Map<String, Object>> errors) {
      this(errors, GatewayResponse.Outcome.REQUEST_ERROR);
    }

    RequestRejected(List<Map<String, Object>> errors, GatewayResponse.Outcome outcome) {
      super(null, null, false, false);
      this.response = new GatewayResponse(GraphQLErrors.requestErrors(errors), outcome);
    }

    static RequestRejected of(String message, String code) {
      return new RequestRejected(List.of(GraphQLErrors.error(message, null, code)));
    }
  }
}
