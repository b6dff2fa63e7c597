package dev.shopfed.gateway.consent.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.consent.Crossing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An appended crossing is on disk when its future completes: a gateway killed right after it still has the row.
 * (H2's default is to write commits up to half a second later, which loses them.)
 */
class H2DurabilityTest {

  private static final int CROSSINGS = 50;

  @TempDir
  Path dir;

  @Test
  void crossingsAppendedBeforeACrashAreThereAfterIt() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("consent");
    Path output = dir.resolve("crash.log");
    Process crashing = new ProcessBuilder(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"),
        AppendThenCrash.class.getName(), url, String.valueOf(CROSSINGS))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    try {
      assertThat(crashing.waitFor(120, TimeUnit.SECONDS)).as("the crashing process ends").isTrue();
    } finally {
      crashing.destroyForcibly();
    }
    assertThat(Files.readString(output)).as("the crashing process's output").contains("appended " + CROSSINGS);
    assertThat(crashing.exitValue()).isEqualTo(AppendThenCrash.CRASHED);

    try (JdbcConsentStore store = JdbcConsentStore.open(ConsentStoreOptions.of(url))) {
      List<Crossing> crossings = store.crossingLog().of("alice", CROSSINGS * 2).get(30, TimeUnit.SECONDS);
      assertThat(crossings).hasSize(CROSSINGS);
    }
  }

  /** Appends crossings one after the other, each awaited, then halts the JVM: no shutdown hook, no close. */
  static final class AppendThenCrash {

    static final int CRASHED = 3;

    public static void main(String[] args) throws Exception {
      JdbcConsentStore store = JdbcConsentStore.open(ConsentStoreOptions.of(args[0]));
      int count = Integer.parseInt(args[1]);
      for (int i = 0; i < count; i++) {
        store.crossingLog().append(ConsentStoreContract.crossing("alice", "r" + i, Instant.now()))
            .get(30, TimeUnit.SECONDS);
      }
      System.out.println("appended " + count);
      System.out.flush();
      Runtime.getRuntime().halt(CRASHED);
    }
  }
}
