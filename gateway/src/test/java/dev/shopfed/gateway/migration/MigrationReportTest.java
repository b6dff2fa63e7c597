package dev.shopfed.gateway.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.SubgraphClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The report's numbers for a supergraph with two progressive overrides, after a known set of requests. */
class MigrationReportTest {

  private static final String ORDER = "{\"data\":{\"order\":{\"__typename\":\"Order\",\"id\":\"1\",\"tax\":1,"
      + "\"total\":9}}}";
  private static final String ENTITY = "{\"data\":{\"_entities\":[{\"tax\":1,\"total\":9}]}}";

  @Test
  void countsWhichOwnerServedEachOverriddenFieldAndHowFarTheMigrationIs() throws Exception {
    SubgraphClient subgraphs = (subgraph, body, headers) -> CompletableFuture.completedFuture(
        new SubgraphClient.SubgraphResponse(200, (subgraph.name().equals("old") ? ORDER : ENTITY)
            .getBytes(StandardCharsets.UTF_8)));
    String sdl = Files.readString(Path.of("src/test/resources/planning/override/supergraph.graphql"));
    try (GatewayEngine off = GatewayEngine.load(sdl, GatewayOptions.defaults(), subgraphs);
        GatewayEngine on = GatewayEngine.load(sdl, new GatewayOptions(Map.of(),
            Duration.ofSeconds(30), Set.of("new-totals"), List.of(), 100, null, null, null, null, null),
            subgraphs)) {
      for (int i = 0; i < 3; i++) {
        off.execute(GatewayRequest.of("{ order(id: \"1\") { total tax } }")).get();
      }
      off.execute(GatewayRequest.of("{ order(id: \"1\") { status } }")).get();
      on.execute(GatewayRequest.of("{ order(id: \"1\") { total } }")).get();

      MigrationReport report = off.migrationReport();

      assertThat(report.fields()).extracting(MigrationReport.FieldRow::field)
          .contains("Order.id", "Order.status", "Order.tax", "Order.total", "Query.order");
      MigrationReport.FieldRow status = row(report, "Order.status");
      assertThat(status.servedBy()).containsExactly("new");
      assertThat(status.override()).isNull();
      MigrationReport.Override total = row(report, "Order.total").override();
      assertThat(total.label()).isEqualTo("new-totals");
      assertThat(total.from()).isEqualTo("old");
      assertThat(total.to()).isEqualTo("new");
      assertThat(total.percent()).isZero();
      assertThat(total.traffic()).isEqualTo(Map.of("old", 3L));
      assertThat(total.compared()).isZero();
      assertThat(row(report, "Order.tax").override().traffic()).isEqualTo(Map.of("old", 3L));
      assertThat(report.summary()).isEqualTo(new MigrationReport.Summary(report.fields().size(), 2, 0, 0, 6, 0, 0));
      assertThat(report.shadow().settings().share()).isZero();

      MigrationReport other = on.migrationReport();
      assertThat(row(other, "Order.total").override().percent()).isEqualTo(100);
      assertThat(row(other, "Order.total").override().traffic()).isEqualTo(Map.of("new", 1L));
      assertThat(other.summary().migrated()).isEqualTo(1);
      assertThat(other.summary().migratedByFieldsPercent()).isEqualTo(50.0);
      assertThat(other.summary().migratedByTrafficPercent()).isEqualTo(100.0);
    }
  }

  @Test
  void sharesAndShadowFindingsComeFromTheirSources() throws Exception {
    String sdl = Files.readString(Path.of("src/test/resources/planning/override/supergraph.graphql"));
    dev.shopfed.gateway.supergraph.Supergraph supergraph = dev.shopfed.gateway.supergraph.Supergraph.parse(sdl);
    OverriddenFields overridden = OverriddenFields.of(supergraph);
    FieldTraffic traffic = new FieldTraffic();
    traffic.record(overridden.all(), Set.of("new-totals"));
    traffic.record(overridden.all(), Set.of());

    MigrationReport report = MigrationReport.of(supergraph, overridden, traffic,
        label -> label.equals("new-totals") ? 25 : 0,
        field -> field.equals("Order.total") ? new MigrationReport.Comparisons(8, 2) : MigrationReport.Comparisons.NONE);

    MigrationReport.Override total = row(report, "Order.total").override();
    assertThat(total.percent()).isEqualTo(25);
    assertThat(total.traffic()).isEqualTo(Map.of("new", 1L, "old", 1L));
    assertThat(total.mismatchRate()).isEqualTo(25.0);
    assertThat(report.summary().requests()).isEqualTo(4);
    assertThat(report.summary().requestsToNewOwner()).isEqualTo(1);
    assertThat(report.summary().migratedByTrafficPercent()).isEqualTo(25.0);
  }

  private static MigrationReport.FieldRow row(MigrationReport report, String field) {
    List<MigrationReport.FieldRow> rows = report.fields().stream().filter(r -> r.field().equals(field)).toList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}
