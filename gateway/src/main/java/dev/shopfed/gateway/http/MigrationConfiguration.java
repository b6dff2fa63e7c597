package dev.shopfed.gateway.http;

import dev.shopfed.gateway.migration.LabelShares;
import dev.shopfed.gateway.migration.MigrationControl;
import dev.shopfed.gateway.migration.MigrationOptions;
import dev.shopfed.gateway.migration.OverrideCounts;
import dev.shopfed.gateway.migration.StickyKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Progressive override at run time ({@code gateway.migration.*}): one control and one set of counts for every
 * engine the gateway loads, the watched labels file and the admin endpoint.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

  /** What the engines decide labels with; its control and counts are what a migration report reads. */
  @Bean
  MigrationOptions migrationOptions(GatewayProperties properties) {
    MigrationProperties settings = properties.migration();
    return new MigrationOptions(new MigrationControl(new LabelShares(settings.labels())), new OverrideCounts(),
        StickyKey.parse(settings.stickyBy()));
  }

  @Bean
  MigrationLabelsWatcher migrationLabelsWatcher(GatewayProperties properties, MigrationOptions migration) {
    MigrationProperties settings = properties.migration();
    return new MigrationLabelsWatcher(settings.labelsFile(), new LabelShares(settings.labels()), migration.control(),
        settings.pollInterval());
  }

  @Bean
  RouterFunction<ServerResponse> migrationAdminRouter(GatewayProperties properties, ActiveEngine engine,
      MigrationOptions migration, JsonMapper json) {
    return MigrationEndpoints.routes(engine, migration, properties.migration().adminToken(), json);
  }
}
