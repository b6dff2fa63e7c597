package dev.shopfed.gateway.http;

import dev.shopfed.gateway.defer.IncrementalResponse;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import dev.shopfed.gateway.identity.AuthenticationOptions;
import dev.shopfed.gateway.identity.Authenticator;
import dev.shopfed.gateway.identity.Identity;
import dev.shopfed.gateway.identity.InvalidTokenException;
import dev.shopfed.gateway.telemetry.RequestObservation;
import dev.shopfed.gateway.telemetry.Telemetry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /graphql} and {@code GET /graphql}: decode the request, run it on the engine, answer its response. */
final class GraphQLEndpoint {

  /** Apollo Router's request header for getting the query plan back in {@code extensions.queryPlan}. */
  static final String EXPLAIN_HEADER = "apollo-expose-query-plan";
  /** Request header for getting the estimated and actual cost back in {@code extensions.cost}. */
  static final String COST_HEADER = "apollo-expose-cost";

  private static final Logger log = LoggerFactory.getLogger(GraphQLEndpoint.class);

  private final RequestExecutor executor;
  private final JsonMapper json;
  private final ExplorerPage explorer;
  private final boolean explainAllowed;
  private final int maxRequestBytes;
  private final HttpEdge edge;
  private final Authenticator authenticator;
  private final Telemetry telemetry;

  GraphQLEndpoint(RequestExecutor executor, JsonMapper json, ExplorerPage explorer, boolean explainAllowed,
      int maxRequestBytes, HttpEdge edge) {
    this(executor, json, explorer, explainAllowed, maxRequestBytes, edge,
        Authenticator.create(AuthenticationOptions.defaults()));
  }

  GraphQLEndpoint(RequestExecutor executor, JsonMapper json, ExplorerPage explorer, boolean explainAllowed,
      int maxRequestBytes, HttpEdge edge, Authenticator authenticator) {
    this(executor, json, explorer, explainAllowed, maxRequestBytes, edge, authenticator, Telemetry.none());
  }

  GraphQLEndpoint(RequestExecutor executor, JsonMapper json, ExplorerPage explorer, boolean explainAllowed,
      int maxRequestBytes, HttpEdge edge, Authenticator authenticator, Telemetry telemetry) {
    this.telemetry = telemetry;
    this.authenticator = authenticator;
    this.executor = executor;
    this.json = json;
    this.explorer = explorer;
    this.explainAllowed = explainAllowed;
    this.maxRequestBytes = maxRequestBytes;
    this.edge = edge;
  }

  Mono<ServerResponse> post(ServerRequest request) {
    RejectedRequest forgery = edge.csrf().check(request.headers().asHttpHeaders());
    if (forgery != null) {
      return reject(request, forgery);
    }
    MediaType contentType;
    try {
      contentType = GraphQLMediaTypes.requestContentType(request.headers().asHttpHeaders());
    } catch (RejectedRequest rejected) {
      return reject(request, rejected);
    }
    if (contentType == null || !GraphQLMediaTypes.isJson(contentType)) {
      return reject(request, RejectedRequest.unsupportedMediaType(
          "Content-Type must be application/json, not " + (contentType == null ? "missing" : contentType)));
    }
    if (request.headers().contentLength().orElse(-1) > maxRequestBytes) {
      return reject(request, RejectedRequest.tooLarge(maxRequestBytes));
    }
    // The token is checked before the body is read: a refused client costs no parsing.
    return identity(request).flatMap(identity -> body(request)
        .map(body -> GraphQLParameters.decodeBody(body, json))
        .flatMap(decoded -> decoded instanceof List<?> batch
            ? executeBatch(request, batch, identity)
            : execute(request, GraphQLParameters.fromJson(decoded), false, identity)))
        .onErrorResume(RejectedRequest.class, rejected -> reject(request, rejected));
  }

  Mono<ServerResponse> get(ServerRequest request) {
    Map<String, String> parameters = request.queryParams().toSingleValueMap();
    if (!parameters.containsKey("query") && !parameters.containsKey("extensions")
        && GraphQLMediaTypes.wantsHtml(request.headers().asHttpHeaders())) {
      return explorer.page();
    }
    RejectedRequest forgery = edge.csrf().check(request.headers().asHttpHeaders());
    if (forgery != null) {
      return reject(request, forgery);
    }
    try {
      GraphQLParameters decoded = GraphQLParameters.fromQueryParameters(parameters, json);
      if (decoded.query() != null && OperationKinds.isMutation(decoded.query(), decoded.operationName())) {
        throw RejectedRequest.methodNotAllowed("Mutations are only accepted over POST");
      }
      return identity(request).flatMap(identity -> execute(request, decoded, true, identity))
          .onErrorResume(RejectedRequest.class, rejected -> reject(request, rejected));
    } catch (RejectedRequest rejected) {
      return reject(request, rejected);
    }
  }

  /** The request's verified identity; a bad token fails with a 401. Fetching keys waits off the event loop. */
  private Mono<Identity> identity(ServerRequest request) {
    List<String> authorization = request.headers().header(HttpHeaders.AUTHORIZATION);
    if (!authenticator.enabled() || authorization.isEmpty()) {
      return Mono.just(Identity.ANONYMOUS);
    }
    Mono<Identity> verified = Mono.fromCallable(() -> {
      try {
        return authenticator.authenticate(authorization);
      } catch (InvalidTokenException e) {
        throw RejectedRequest.unauthenticated(e.getMessage());
      }
    });
    return authenticator.mayBlock() ? verified.subscribeOn(Schedulers.boundedElastic()) : verified;
  }

  /** {@code readOnly} for GET: a mutation named only by its persisted hash is refused by the engine. */
  private Mono<ServerResponse> execute(ServerRequest request, GraphQLParameters parameters, boolean readOnly,
      Identity identity) {
    if (!executor.ready()) {
      return reject(request, RejectedRequest.notReady());
    }
    // Anything the engine throws becomes an error signal, answered 500 by GraphQLErrorHandler.
    if (GraphQLMediaTypes.acceptsIncremental(request.headers().asHttpHeaders())) {
      return observed(request, gatewayRequest(request, parameters, readOnly, identity), executor::executeIncrementally,
          IncrementalResponse::initial).flatMap(response -> respondIncrementally(request, response));
    }
    return run(request, parameters, readOnly, identity)
        .flatMap(response -> respond(request, status(response), response.body(), response.headers()));
  }

  /** Every operation, alone or in a batch, runs through here: a check per operation belongs here or in the engine. */
  private Mono<GatewayResponse> run(ServerRequest request, GraphQLParameters parameters, boolean readOnly,
      Identity identity) {
    return observed(request, gatewayRequest(request, parameters, readOnly, identity), executor::execute, r -> r);
  }

  private GatewayRequest gatewayRequest(ServerRequest request, GraphQLParameters parameters, boolean readOnly,
      Identity identity) {
    return new GatewayRequest(parameters.query(), parameters.operationName(),
        parameters.variables(), parameters.extensions(), headers(request), explain(request), readOnly,
        "true".equalsIgnoreCase(request.headers().firstHeader(COST_HEADER)), RequestIds.of(request.exchange()),
        identity);
  }

  /** Runs the request on the engine, observed as one request; it ends with the (first) response. */
  private <T> Mono<T> observed(ServerRequest request, GatewayRequest gatewayRequest,
      Function<GatewayRequest, CompletableFuture<T>> engine, Function<T, GatewayResponse> first) {
    return Mono.defer(() -> {
      RequestObservation observed = telemetry.request(request.method().name(), request.path(),
          gatewayRequest.requestId(), gatewayRequest.headers());
      return Mono.fromFuture(observed.inScope(() -> engine.apply(gatewayRequest)))
          .doOnNext(answer -> observed.end(status(first.apply(answer)).value(), ErrorCodes.of(first.apply(answer).body())))
          .doOnError(failure -> observed.end(HttpStatus.INTERNAL_SERVER_ERROR.value(), List.of("INTERNAL_SERVER_ERROR")))
          .doOnCancel(() -> observed.end(499, List.of())); // the client went away (nginx's code for it)
    });
  }

  /** Deferred parts as multipart/mixed; an answer in one part (refused, or nothing deferred) as plain JSON. */
  private Mono<ServerResponse> respondIncrementally(ServerRequest request, IncrementalResponse response) {
    GatewayResponse initial = response.initial();
    if (!response.incremental()) {
      return respond(request, status(initial), initial.body(), initial.headers());
    }
    return ServerResponse.ok()
        .headers(headers -> initial.headers().forEach(headers::put))
        .contentType(MultipartParts.DEFER_SPEC)
        .body((message, context) -> message.writeAndFlushWith(
            MultipartParts.body(response, json, message.bufferFactory()).map(Mono::just)));
  }

  /**
   * A JSON array of operations: each runs on its own (at once) and gets its own response, in order; one entry's
   * failure is that entry's errors. The batch as a whole is refused only before anything runs.
   */
  private Mono<ServerResponse> executeBatch(ServerRequest request, List<?> entries, Identity identity) {
    RejectedRequest refused = edge.checkBatch(entries.size());
    if (refused != null) {
      return reject(request, refused);
    }
    if (!executor.ready()) {
      return reject(request, RejectedRequest.notReady());
    }
    return Flux.fromIterable(entries)
        .flatMapSequential(entry -> batchEntry(request, entry, identity))
        .collectList()
        .flatMap(bodies -> respond(request, HttpStatus.OK, bodies));
  }

  private Mono<Map<String, Object>> batchEntry(ServerRequest request, Object entry, Identity identity) {
    GraphQLParameters parameters;
    try {
      parameters = GraphQLParameters.fromJson(entry);
    } catch (RejectedRequest rejected) {
      return Mono.just(GraphQLMediaTypes.errorBody(rejected.code(), rejected.getMessage()));
    }
    String requestId = RequestIds.of(request.exchange());
    return run(request, parameters, false, identity)
        .map(GatewayResponse::body)
        .onErrorResume(failure -> {
          RequestIds.log(requestId, () -> log.error("Batch entry of {} {} failed", request.method(), request.path(),
              failure));
          return Mono.just(GraphQLMediaTypes.errorBody(HttpStatus.INTERNAL_SERVER_ERROR.name(),
              "Internal server error", requestId));
        });
  }

  private static HttpStatus status(GatewayResponse response) {
    return switch (response.outcome()) {
      case REQUEST_ERROR -> HttpStatus.BAD_REQUEST;
      case MUTATION_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
      case DEADLINE_PASSED -> HttpStatus.GATEWAY_TIMEOUT;
      case EXECUTED, RETRY_WITH_QUERY -> HttpStatus.OK;
    };
  }

  private Mono<ServerResponse> reject(ServerRequest request, RejectedRequest rejected) {
    String requestId = RequestIds.of(request.exchange());
    RequestIds.log(requestId, () -> log.debug("{} {} refused: {} {}", request.method(), request.path(),
        rejected.code(), rejected.getMessage()));
    ServerResponse.BodyBuilder builder = ServerResponse.status(rejected.status())
        .contentType(GraphQLMediaTypes.responseType(request.headers().asHttpHeaders()));
    if (rejected.status() == HttpStatus.METHOD_NOT_ALLOWED) {
      builder.allow(HttpMethod.POST);
    }
    if (rejected.status() == HttpStatus.UNAUTHORIZED) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }
    Map<String, Object> body = GraphQLMediaTypes.errorBody(rejected.code(), rejected.getMessage());
    return builder.bodyValue(json.writeValueAsBytes(body));
  }

  private Mono<ServerResponse> respond(ServerRequest request, HttpStatus status, Object body) {
    return respond(request, status, body, Map.of());
  }

  /** With the subgraph response headers the header rules pass back (a batch's entries pass none). */
  private Mono<ServerResponse> respond(ServerRequest request, HttpStatus status, Object body,
      Map<String, List<String>> subgraphHeaders) {
    ServerResponse.BodyBuilder builder = ServerResponse.status(status);
    builder.headers(headers -> subgraphHeaders.forEach(headers::put)); // those the header rules pass back
    if (status == HttpStatus.METHOD_NOT_ALLOWED) {
      builder.allow(HttpMethod.POST);
    }
    return builder
        .contentType(GraphQLMediaTypes.responseType(request.headers().asHttpHeaders()))
        .bodyValue(json.writeValueAsBytes(body));
  }

  /** The whole body, refused past the size limit without reading further. */
  private Mono<byte[]> body(ServerRequest request) {
    return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxRequestBytes)
        .map(buffer -> {
          byte[] bytes = new byte[buffer.readableByteCount()];
          buffer.read(bytes);
          DataBufferUtils.release(buffer);
          return bytes;
        })
        .defaultIfEmpty(new byte[0])
        .onErrorMap(DataBufferLimitException.class, e -> RejectedRequest.tooLarge(maxRequestBytes));
  }

  private boolean explain(ServerRequest request) {
    return explainAllowed && "true".equalsIgnoreCase(request.headers().firstHeader(EXPLAIN_HEADER));
  }

  /** Header names lower-cased; the values of a name come all at once whatever its case (headers ignore case). */
  private static Map<String, List<String>> headers(ServerRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.headers().asHttpHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return headers;
  }
}
