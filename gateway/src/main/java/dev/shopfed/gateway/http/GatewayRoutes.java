package dev.shopfed.gateway.http;

import dev.shopfed.gateway.consent.ConsentOptions;
import dev.shopfed.gateway.identity.Authenticator;
import dev.shopfed.gateway.migration.MigrationOptions;
import dev.shopfed.gateway.subgraphidentity.SubgraphIdentityOptions;
import dev.shopfed.gateway.telemetry.Telemetry;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's beans and its routes: {@code /graphql}, {@code /health}, the explorer at {@code /}. */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

  @Bean
  ActiveEngine activeEngine() {
    return new ActiveEngine();
  }

  /** Read (or its key generated) once: every engine signs with it and the JWKS endpoint publishes it. */
  @Bean
  SubgraphIdentityOptions subgraphIdentityOptions(GatewayProperties properties) {
    return properties.engineOptions().subgraphIdentity();
  }

  @Bean
  ConsentStoreConnection consentStore(GatewayProperties properties) {
    return new ConsentStoreConnection(properties.consent());
  }

  @Bean
  SupergraphLoader supergraphLoader(GatewayProperties properties, SubgraphIdentityOptions subgraphIdentity,
      ConsentStoreConnection consentStore, MigrationOptions migration, ActiveEngine engine,
      ApplicationContext context) {
    ConsentOptions consent = properties.consent().enabled() ? consentStore.engineOptions() : ConsentOptions.disabled();
    return new SupergraphLoader(properties, subgraphIdentity, consent, migration, engine, context);
  }

  @Bean
  RouterFunction<ServerResponse> gatewayRouter(GatewayProperties properties, SubgraphIdentityOptions subgraphIdentity,
      ActiveEngine engine, JsonMapper json, Authenticator authenticator, ConsentStoreConnection consentStore,
      Telemetry telemetry) {
    int maxRequestBytes = (int) Math.min(Integer.MAX_VALUE, properties.maxRequestSize().toBytes());
    ExplorerPage explorer = ExplorerPage.fromClasspath(properties.explorer());
    return routes(new GraphQLEndpoint(engine, json, explorer, properties.explain(), maxRequestBytes,
            HttpEdge.of(properties), authenticator, telemetry),
        new HealthEndpoint(engine), explorer)
        .and(SubgraphIdentityJwks.route(subgraphIdentity, json))
        .and(ConsentEndpoints.routes(engine, () -> consentStore, properties.consent().exportToken(), json))
        .and(MigrationReportEndpoint.routes(engine::migrationReport, json));
  }

  @Bean
  RequestIds requestIds() {
    return new RequestIds();
  }

  /** A body over the size limit is still read and dropped up to 16 MB, so that its 413 reaches the client. */
  @Bean
  WholeRequestBodies wholeRequestBodies(GatewayProperties properties) {
    int limit = (int) Math.min(Integer.MAX_VALUE, properties.maxRequestSize().toBytes());
    return new WholeRequestBodies(limit, Math.max(limit, 16L * 1024 * 1024));
  }

  @Bean
  CorsWebFilter corsFilter(GatewayProperties properties) {
    return CrossOriginAccess.filter(properties.cors());
  }

  /** Ahead of Spring Boot's error handler (order -1), which would answer HTML or its own JSON. */
  @Bean
  @Order(-2)
  WebExceptionHandler graphQLErrorHandler(JsonMapper json) {
    return new GraphQLErrorHandler(json);
  }

  static RouterFunction<ServerResponse> routes(GraphQLEndpoint graphql, HealthEndpoint health, ExplorerPage explorer) {
    return RouterFunctions.route()
        .POST("/graphql", graphql::post)
        .GET("/graphql", graphql::get)
        .route(RequestPredicates.path("/graphql"), request -> Mono.error(
            new MethodNotAllowedException(request.method(), List.of(HttpMethod.GET, HttpMethod.POST))))
        .GET("/health", health::check)
        .GET("/", request -> explorer.page())
        .add(RouterFunctions.resources("/explorer/**", new ClassPathResource(ExplorerPage.ASSETS)))
        .build();
  }
}
