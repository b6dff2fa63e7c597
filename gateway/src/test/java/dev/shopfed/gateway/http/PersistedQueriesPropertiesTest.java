package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopfed.gateway.persisted.PersistedQueriesOptions;
import dev.shopfed.gateway.persisted.SafelistMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Reading the manifest named by the settings: a bad one stops the start with one line saying why. */
class PersistedQueriesPropertiesTest {

  @TempDir
  Path dir;

  @Test
  void readsAManifestFile() throws IOException {
    String body = "query A { book(id: \\\"1\\\") { title } }";
    String id = PersistedQueriesHttpTest.sha256("query A { book(id: \"1\") { title } }");
    Path manifest = Files.writeString(dir.resolve("m.json"), "{\"format\":\"apollo-persisted-query-manifest\",\"version\":1,"
        + "\"operations\":[{\"id\":\"" + id + "\",\"name\":\"A\",\"type\":\"query\",\"body\":\"" + body + "\"}]}");

    PersistedQueriesOptions options = properties(SafelistMode.ENFORCE, manifest.toString()).engineOptions();

    assertThat(options.manifest().byId(id)).isPresent();
    assertThat(options.safelist()).isEqualTo(SafelistMode.ENFORCE);
  }

  @Test
  void refusesWhatIsNotAUsableManifest() throws IOException {
    assertThatThrownBy(() -> properties(SafelistMode.ENFORCE, null).engineOptions())
        .isInstanceOf(ManifestLoadFailure.class).hasMessageContaining("gateway.persisted-queries.manifest");
    assertThatThrownBy(() -> properties(SafelistMode.OFF, dir.resolve("missing.json").toString()).engineOptions())
        .isInstanceOf(ManifestLoadFailure.class).hasMessageContaining("does not exist");
    Path notJson = Files.writeString(dir.resolve("bad.json"), "{");
    assertThatThrownBy(() -> properties(SafelistMode.OFF, notJson.toString()).engineOptions())
        .isInstanceOf(ManifestLoadFailure.class).hasMessageContaining("not JSON");
    Path wrongId = Files.writeString(dir.resolve("id.json"), "{\"format\":\"apollo-persisted-query-manifest\","
        + "\"version\":1,\"operations\":[{\"id\":\"" + "0".repeat(64) + "\",\"name\":\"A\",\"body\":\"query A { a }\"}]}");
    assertThatThrownBy(() -> properties(SafelistMode.LOG_ONLY, wrongId.toString()).engineOptions())
        .isInstanceOf(ManifestLoadFailure.class).hasMessageContaining("SHA-256");
  }

  private static PersistedQueriesProperties properties(SafelistMode mode, String manifest) {
    return new PersistedQueriesProperties(mode, manifest, false, 100, DataSize.ofMegabytes(1), null, "p:",
        Duration.ZERO, Duration.ofSeconds(1));
  }
}
