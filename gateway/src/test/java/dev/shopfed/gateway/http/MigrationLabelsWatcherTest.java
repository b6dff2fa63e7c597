package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopfed.gateway.migration.LabelShares;
import dev.shopfed.gateway.migration.MigrationControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labels file at start: its shares over the configured ones; a broken or missing one stops the start. */
class MigrationLabelsWatcherTest {

  @TempDir
  Path dir;

  @Test
  void theFilesSharesGoOverTheConfiguredOnes() throws Exception {
    Path file = Files.writeString(dir.resolve("labels"), "b=40\nc=5\n");
    MigrationControl control = new MigrationControl(LabelShares.none());
    MigrationLabelsWatcher watcher = new MigrationLabelsWatcher(file.toString(),
        new LabelShares(Map.of("a", 10.0, "b", 20.0)), control, Duration.ofSeconds(60));
    try {
      watcher.afterPropertiesSet();
    } finally {
      watcher.destroy();
    }

    assertThat(control.current().shares()).containsExactly(Map.entry("a", 10.0), Map.entry("b", 40.0),
        Map.entry("c", 5.0));
  }

  @Test
  void aBrokenFileStopsTheStartNamingTheFileAndTheProblem() throws Exception {
    Path file = Files.writeString(dir.resolve("labels"), "b=40\nc:5\n");

    assertStartFails(file, "Invalid migration labels file " + file + ": line 2: \"c:5\" is not label=percent");
    assertStartFails(dir.resolve("missing"), "Migration labels file " + dir.resolve("missing") + " does not exist");
  }

  @Test
  void withoutAFileTheConfiguredSharesServe() {
    MigrationControl control = new MigrationControl(new LabelShares(Map.of("a", 10.0)));
    MigrationLabelsWatcher watcher = new MigrationLabelsWatcher(null, LabelShares.none(), control, Duration.ofSeconds(1));

    watcher.afterPropertiesSet();
    watcher.destroy();

    assertThat(control.current().shares()).containsExactly(Map.entry("a", 10.0));
  }

  private static void assertStartFails(Path file, String message) {
    MigrationControl control = new MigrationControl(new LabelShares(Map.of("a", 10.0)));
    MigrationLabelsWatcher watcher = new MigrationLabelsWatcher(file.toString(), LabelShares.none(), control,
        Duration.ofSeconds(60));
    try {
      assertThatThrownBy(watcher::afterPropertiesSet).isInstanceOf(MigrationLabelsFailure.class).hasMessage(message);
    } finally {
      watcher.destroy();
    }
    assertThat(control.current().shares()).containsExactly(Map.entry("a", 10.0));
  }
}
