package dev.shopfed.gateway.http;

import dev.shopfed.gateway.migration.LabelShares;
import dev.shopfed.gateway.migration.MigrationOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /admin/migration/labels}: every label's share and its on/off counts; {@code PUT
 * /admin/migration/labels/{label}} with {@code {"percent": 40}}: a custom label's share, from the next request on.
 * For the operator holding {@code gateway.migration.admin-token}; without one configured the endpoints do not exist
 * (404), so that a gateway never offers an unprotected switch.
 */
final class MigrationEndpoints {

  private static final Logger log = LoggerFactory.getLogger(MigrationEndpoints.class);
  private static final String PATH = "/admin/migration/labels";

  private final ActiveEngine engine;
  private final MigrationOptions migration;
  private final OperatorToken adminToken;
  private final JsonMapper json;

  private MigrationEndpoints(ActiveEngine engine, MigrationOptions migration, String adminToken, JsonMapper json) {
    this.engine = engine;
    this.migration = migration;
    this.adminToken = new OperatorToken(adminToken, "gateway.migration.admin-token", "migration admin endpoint");
    this.json = json;
  }

  static RouterFunction<ServerResponse> routes(ActiveEngine engine, MigrationOptions migration, String adminToken,
      JsonMapper json) {
    MigrationEndpoints endpoints = new MigrationEndpoints(engine, migration, adminToken, json);
    return RouterFunctions.route()
        .GET(PATH, endpoints::list)
        .PUT(PATH + "/{label}", endpoints::set)
        .build();
  }

  private Mono<ServerResponse> list(ServerRequest request) {
    Mono<ServerResponse> refusal = refusal(request);
    if (refusal != null) {
      return refusal;
    }
    return ok(Map.of("labels", labels()));
  }

  private Mono<ServerResponse> set(ServerRequest request) {
    Mono<ServerResponse> refusal = refusal(request);
    if (refusal != null) {
      return refusal;
    }
    String label = request.pathVariable("label");
    return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
      double percent;
      try {
        LabelShares.checkLabel(label);
        percent = percent(body);
        migration.control().set(label, percent);
      } catch (IllegalArgumentException e) {
        return refuse(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage());
      }
      log.info("Migration label {} set to {}% through {}", label, percent, PATH);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("label", label);
      answer.put("percent", percent);
      answer.put("inSupergraph", engine.overrideShares().containsKey(label));
      return ok(answer);
    });
  }

  /** The body's {@code percent}: a JSON number from 0 to 100. */
  private double percent(byte[] body) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JacksonException e) {
      node = null;
    }
    JsonNode percent = node == null || !node.isObject() ? null : node.get("percent");
    if (percent == null || !percent.isNumber()) {
      throw new IllegalArgumentException("The body must be JSON like {\"percent\": 40}");
    }
    double value = percent.asDouble();
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException("percent must be from 0 to 100, not " + percent);
    }
    return value;
  }

  /**
   * Every label of the supergraph in service with its share right now, and any label given a share that the
   * supergraph does not use (a typo shows up as {@code inSupergraph: false}), each with its counts.
   */
  private Map<String, Object> labels() {
    Map<String, Double> served = engine.overrideShares();
    Map<String, long[]> counts = migration.counts().snapshot();
    TreeSet<String> names = new TreeSet<>(served.keySet());
    names.addAll(migration.control().current().shares().keySet());
    Map<String, Object> labels = new LinkedHashMap<>();
    for (String name : names) {
      long[] count = counts.getOrDefault(name, new long[2]);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("percent", served.getOrDefault(name, migration.control().current().share(name)));
      entry.put("inSupergraph", served.containsKey(name));
      entry.put("on", count[0]);
      entry.put("off", count[1]);
      labels.put(name, entry);
    }
    return labels;
  }

  /** 404 while no token is configured, 401 without the right one, else null. */
  private Mono<ServerResponse> refusal(ServerRequest request) {
    RejectedRequest refused = adminToken.refusal(request);
    return refused == null ? null : refuse(refused.status(), refused.code(), refused.getMessage());
  }

  private Mono<ServerResponse> ok(Map<String, Object> body) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
        .bodyValue(json.writeValueAsBytes(body));
  }

  private Mono<ServerResponse> refuse(HttpStatus status, String code, String message) {
    return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json.writeValueAsBytes(GraphQLMediaTypes.errorBody(code, message)));
  }

}
