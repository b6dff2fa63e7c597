package dev.shopfed.gateway.http;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gateway.migration.*} settings: how much traffic each custom progressive-override label sends to the
 * subgraph that takes its fields over, changed at run time without a restart.
 *
 * @param labels       start-up shares, {@code gateway.migration.labels.<label>=<percent>}; unset labels are off
 *                     (unless {@code gateway.override-labels} lists them: then 100)
 * @param labelsFile   a file of {@code label=percent} lines, watched: each clean change puts its shares over
 *                     {@code labels}; a broken one is logged and the current shares kept
 * @param pollInterval how often the labels file is checked for changes
 * @param stickyBy     {@code claim:<name>} or {@code header:<name>}: one buyer, one owner; unset, every request draws
 * @param adminToken   the operator's bearer token for {@code /admin/migration/labels}; unset, the endpoint is off (404)
 */
public record MigrationProperties(
    Map<String, Double> labels,
    String labelsFile,
    @DefaultValue("2s") Duration pollInterval,
    String stickyBy,
    String adminToken) {

  public MigrationProperties {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
