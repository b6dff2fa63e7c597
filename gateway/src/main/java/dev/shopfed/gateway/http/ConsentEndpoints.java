package dev.shopfed.gateway.http;

import dev.shopfed.gateway.consent.CrossingLog;
import dev.shopfed.gateway.consent.DataFlow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /consent/flows}: the supergraph's flows of personal data between subgraphs, as JSON, and the page at
 * {@code /consent} that shows them; {@code GET /consent/crossings}: the crossing log as JSON lines (one subject's
 * with {@code ?subject=}), for the operator holding {@code gateway.consent.export-token}, and nobody without one.
 */
final class ConsentEndpoints {

  private static final String PAGE_POLICY = "default-src 'self'; connect-src 'self'";

  private ConsentEndpoints() {}

  static RouterFunction<ServerResponse> routes(ActiveEngine engine, Supplier<CrossingLog> log, String exportToken,
      JsonMapper json) {
    OperatorToken operator = new OperatorToken(exportToken, "gateway.consent.export-token", "crossing-log export");
    return RouterFunctions.route()
        .GET("/consent/flows", request -> flows(engine.dataFlows(), json))
        .GET("/consent", request -> page())
        .GET("/consent/crossings", request -> export(request, log, operator, json))
        .add(RouterFunctions.resources("/consent/**", new ClassPathResource("static/consent/")))
        .build();
  }

  private static Mono<ServerResponse> flows(List<DataFlow> flows, JsonMapper json) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
        .bodyValue(json.writeValueAsBytes(Map.of("flows", flows)));
  }

  private static Mono<ServerResponse> page() {
    return ServerResponse.ok().contentType(MediaType.TEXT_HTML).header("Content-Security-Policy", PAGE_POLICY)
        .bodyValue(new ClassPathResource("static/consent/index.html"));
  }

  private static Mono<ServerResponse> export(ServerRequest request, Supplier<CrossingLog> log,
      OperatorToken exportToken, JsonMapper json) {
    RejectedRequest refused = exportToken.refusal(request);
    if (refused != null) {
      return refuse(refused.status(), refused.code(), refused.getMessage(), json);
    }
    String subject = request.queryParam("subject").filter(s -> !s.isBlank()).orElse(null);
    return Mono.fromCallable(() -> lines(log.get(), subject)).subscribeOn(Schedulers.boundedElastic())
        .flatMap(body -> ServerResponse.ok().contentType(MediaType.parseMediaType("application/jsonl"))
            .cacheControl(CacheControl.noStore()).bodyValue(body));
  }

  private static String lines(CrossingLog log, String subject) {
    StringWriter out = new StringWriter();
    try {
      log.exportJsonLines(subject, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Mono<ServerResponse> refuse(HttpStatusCode status, String code, String message, JsonMapper json) {
    return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json.writeValueAsBytes(GraphQLMediaTypes.errorBody(code, message)));
  }
}
