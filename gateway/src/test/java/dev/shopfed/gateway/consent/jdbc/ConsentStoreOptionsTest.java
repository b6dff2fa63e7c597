package dev.shopfed.gateway.consent.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsentStoreOptionsTest {

  @Test
  void theDefaultIsAnH2FileUnderRun() {
    ConsentStoreOptions defaults = ConsentStoreOptions.defaults();

    assertThat(defaults.jdbcUrl()).isEqualTo("jdbc:h2:file:./run/consent");
    assertThat(defaults.isPostgres()).isFalse();
    assertThat(defaults.username()).isEqualTo("sa");
    assertThat(ConsentStoreOptions.of(" ")).isEqualTo(defaults);
    assertThat(ConsentStoreOptions.of(null)).isEqualTo(defaults);
  }

  @Test
  void aPostgresUrlIsPostgres() {
    ConsentStoreOptions postgres = ConsentStoreOptions.of("jdbc:postgresql://db:5432/shop")
        .withCredentials("gateway", "secret")
        .withPoolSize(8)
        .withTimeout(Duration.ofSeconds(2));

    assertThat(postgres.isPostgres()).isTrue();
    assertThat(postgres.poolSize()).isEqualTo(8);
    assertThat(postgres.timeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void otherDatabasesAndNonsenseAreRefused() {
    assertThatThrownBy(() -> ConsentStoreOptions.of("jdbc:mysql://db/shop"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    assertThatThrownBy(() -> ConsentStoreOptions.defaults().withPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConsentStoreOptions.defaults().withTimeout(Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void passwordsAreNotPrinted() {
    ConsentStoreOptions options = ConsentStoreOptions.of("jdbc:postgresql://db/shop?user=gateway&password=hunter2")
        .withCredentials("gateway", "s3cret");

    assertThat(options.toString()).doesNotContain("hunter2", "s3cret").contains("password=***");
    assertThat(options.where()).isEqualTo("jdbc:postgresql://db/shop?user=gateway&password=***");
  }
}
