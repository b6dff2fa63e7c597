package dev.shopfed.gateway.http;

import dev.shopfed.gateway.migration.MigrationReport;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /migration}: the migration report, as JSON, or as the page with its chart for a browser (one that
 * prefers {@code text/html}).
 */
final class MigrationReportEndpoint {

  private static final String PAGE_POLICY = "default-src 'self'; connect-src 'self'";

  private MigrationReportEndpoint() {}

  static RouterFunction<ServerResponse> routes(Supplier<MigrationReport> report, JsonMapper json) {
    return RouterFunctions.route()
        .GET("/migration", request -> prefersHtml(request) ? page() : report(report.get(), json))
        .add(RouterFunctions.resources("/migration/**", new ClassPathResource("static/migration/")))
        .build();
  }

  /** A browser lists {@code text/html} first; {@code curl} sends {@code *}{@code /*}, the page's script JSON. */
  private static boolean prefersHtml(ServerRequest request) {
    List<MediaType> accepted = request.headers().accept();
    return !accepted.isEmpty() && MediaType.TEXT_HTML.equalsTypeAndSubtype(accepted.get(0));
  }

  private static Mono<ServerResponse> report(MigrationReport report, JsonMapper json) {
    if (report == null) {
      return Mono.error(RejectedRequest.notReady());
    }
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
        .bodyValue(json.writeValueAsBytes(report));
  }

  private static Mono<ServerResponse> page() {
    return ServerResponse.ok().contentType(MediaType.TEXT_HTML).header("Content-Security-Policy", PAGE_POLICY)
        .bodyValue(new ClassPathResource("static/migration/index.html"));
  }
}
