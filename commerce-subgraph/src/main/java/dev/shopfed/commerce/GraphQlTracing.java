package dev.shopfed.commerce;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * A span for each GraphQL request and each non-trivial data fetcher, inside the HTTP span that continues the
 * gateway's trace. DGS switches off Spring Boot's own configuration of this instrumentation, so it is declared here.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlTracing {

  @Bean
  GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry) {
    return new GraphQlObservationInstrumentation(registry);
  }
}
