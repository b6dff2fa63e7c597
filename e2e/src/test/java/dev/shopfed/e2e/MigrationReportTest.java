package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The migration report on the demo as the launcher starts it: four fields on the move (stock and inStock at 100 %,
 * the shop's city and rating at 0 %), the requests each owner served counted exactly, a share changed in the
 * watched labels file taking effect while the federation runs, and shadow compare finding both owners agree on the
 * shop details.
 */
@ExtendWith(FederationExtension.class)
class MigrationReportTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration BOUND = Duration.ofSeconds(30);

  private final Gateway gateway;
  private final Operation productPage;
  private final Path labels;
  private final String originalLabels;

  MigrationReportTest(Gateway gateway, Operations operations, LocalFederation federation) throws IOException {
    this.gateway = gateway;
    this.productPage = operations.get("productPage.graphql");
    this.labels = LocalFederation.migrationLabels(federation.settings());
    this.originalLabels = Files.readString(labels);
  }

  @AfterEach
  void restoreTheLabels() throws Exception {
    Files.writeString(labels, originalLabels);
    awaitReport(r -> percent(r, "Shop.city") == 0);
  }

  @Test
  void theDemoStartsHalfWayByFields() {
    JsonNode report = report();

    assertThat(override(report, "Product.stock").path("label").asString()).isEqualTo("stock-to-commerce");
    assertThat(override(report, "Product.stock").path("from").asString()).isEqualTo("promo");
    assertThat(override(report, "Product.stock").path("to").asString()).isEqualTo("commerce");
    assertThat(percent(report, "Product.stock")).isEqualTo(100);
    assertThat(percent(report, "Product.inStock")).isEqualTo(100);
    assertThat(override(report, "Shop.city").path("label").asString()).isEqualTo("shop-details-to-commerce");
    assertThat(percent(report, "Shop.city")).isZero();
    assertThat(percent(report, "Shop.rating")).isZero();
    assertThat(report.path("summary").path("overridden").asInt()).isEqualTo(4);
    assertThat(report.path("summary").path("migrated").asInt()).isEqualTo(2);
    assertThat(report.path("summary").path("migratedByFieldsPercent").asDouble()).isEqualTo(50.0);
  }

  @Test
  void eachRequestIsCountedForTheOwnerThatServedItAndAShareChangeHoldsWhileRunning() throws Exception {
    JsonNode before = report();
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.anonymous(productPage, Map.of("id", "p1")).hasErrors()).isFalse();
    }
    JsonNode after = report();
    assertThat(served(after, "Product.stock", "commerce") - served(before, "Product.stock", "commerce")).isEqualTo(3);
    assertThat(served(after, "Product.stock", "promo") - served(before, "Product.stock", "promo")).isZero();
    assertThat(served(after, "Shop.city", "promo") - served(before, "Shop.city", "promo")).isEqualTo(3);

    Files.writeString(labels, originalLabels + "shop-details-to-commerce=100\n");
    JsonNode moved = awaitReport(r -> percent(r, "Shop.city") == 100);
    assertThat(moved.path("summary").path("migratedByFieldsPercent").asDouble()).isEqualTo(100.0);
    for (int i = 0; i < 2; i++) {
      assertThat(gateway.anonymous(productPage, Map.of("id", "p1")).hasErrors()).isFalse();
    }
    JsonNode served = report();
    assertThat(served(served, "Shop.city", "commerce") - served(moved, "Shop.city", "commerce")).isEqualTo(2);
    assertThat(served(served, "Shop.city", "promo") - served(moved, "Shop.city", "promo")).isZero();
  }

  @Test
  void shadowCompareAsksTheOtherOwnerAndFindsTheShopDetailsAlike() throws Exception {
    long compared = override(report(), "Shop.rating").path("compared").asLong();

    assertThat(gateway.anonymous(productPage, Map.of("id", "p2")).hasErrors()).isFalse();

    JsonNode report = awaitReport(r -> override(r, "Shop.rating").path("compared").asLong() > compared);
    assertThat(override(report, "Shop.rating").path("mismatched").asLong()).isZero();
    assertThat(report.path("shadow").path("settings").path("share").asDouble()).isEqualTo(100);
  }

  private JsonNode awaitReport(Predicate<JsonNode> condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(BOUND);
    JsonNode report = report();
    while (!condition.test(report)) {
      assertThat(Instant.now()).as("report reached the expected state within %s: %s", BOUND, report)
          .isBefore(deadline);
      Thread.sleep(100); // polling, bounded by the deadline above
      report = report();
    }
    return report;
  }

  private JsonNode report() {
    return JSON.readTree(gateway.getJson("/migration").body());
  }

  private static JsonNode override(JsonNode report, String field) {
    for (JsonNode row : report.path("fields")) {
      if (row.path("field").asString().equals(field)) {
        return row.path("override");
      }
    }
    throw new AssertionError(field + " is not in the migration report");
  }

  private static double percent(JsonNode report, String field) {
    return override(report, field).path("percent").asDouble();
  }

  private static long served(JsonNode report, String field, String owner) {
    return override(report, field).path("traffic").path(owner).asLong(0);
  }
}
