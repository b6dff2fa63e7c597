package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user meets it: {@code ./run.sh --help} without a build, and {@code --keep-going}, where a service
 * that dies (or is stopped by hand) leaves the others running and can be started again. Stand-in services answer
 * the health checks, so no real jar is needed.
 */
class LauncherTest {

  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir
  Path root;

  @Test
  void runShAnswersHelpWithoutBuilding() throws Exception {
    Path project = ProjectLayout.locate().root();
    // A copy without the Maven wrapper: any attempt to build would fail.
    Path usage = root.resolve("e2e/src/main/resources/dev/shopfed/e2e/usage.txt");
    Files.createDirectories(usage.getParent());
    Files.copy(project.resolve("e2e/src/main/resources/dev/shopfed/e2e/usage.txt"), usage);
    Files.copy(project.resolve("run.sh"), root.resolve("run.sh"));

    for (String flag : List.of("--help", "-h")) {
      Process run = new ProcessBuilder("bash", root.resolve("run.sh").toString(), "--gateway-port", "0", flag)
          .redirectErrorStream(true).start();
      assertThat(run.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("run.sh " + flag + " returns").isTrue();
      String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(run.exitValue()).as(printed).isZero();
      assertThat(printed).isEqualTo(FederationSettings.USAGE).contains("--keep-going", "--gateway-port");
    }
  }

  @Test
  void theOptionsTheHelpListsAreTheOnesTheLauncherTakes() {
    ProjectLayout layout = new ProjectLayout(root);
    assertThat(FederationSettings.parse(new String[] {"--keep-going"}, layout).keepGoing()).isTrue();
    assertThat(FederationSettings.parse(new String[0], layout).keepGoing()).isFalse();
    List<String> documented = FederationSettings.USAGE.lines().map(String::strip)
        .filter(line -> line.startsWith("--")).map(line -> line.split("[ ,]")[0]).toList();
    assertThat(documented).containsExactly("--gateway-port", "--commerce-port", "--promo-port", "--supergraph",
        "--log-dir", "--startup-timeout", "--jvm-arg", "--commerce-arg", "--promo-arg", "--override-labels",
        "--keep-going", "--help");
    for (String option : documented.subList(0, documented.size() - 2)) {
      // each takes a value; a bad one is named, an unknown one would say "unknown option"
      String[] args = {option, option.endsWith("port") || option.endsWith("timeout") ? "1" : "x"};
      FederationSettings.parse(args, layout);
    }
  }

  @Test
  void keepGoingLeavesTheOthersRunningAndStartsAServiceAgain() throws Exception {
    ProjectLayout layout = fakeProject();
    FederationSettings settings = new FederationSettings(layout, 0, 0, 0, layout.supergraph(),
        root.resolve("logs"), BOUND, List.of(), List.of(), List.of(), List.of(), true);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try (LocalFederation federation = LocalFederation.start(settings)) {
      FederationConsole console = new FederationConsole(federation, out);
      federation.serviceNames().forEach(console::watch);
      assertThat(console.handle("status")).isEqualTo("commerce: running, promo: running, gateway: running");

      assertThat(console.handle("stop promo")).isEqualTo("promo stopped; the others keep running");
      await("promo's exit to be reported", () -> printed.toString(StandardCharsets.UTF_8).contains("promo exited"));
      assertThat(console.handle("status")).isEqualTo("commerce: running, promo: stopped, gateway: running");

      killByHand(layout.commerceJar());
      await("commerce's death to be reported", () -> printed.toString(StandardCharsets.UTF_8)
          .contains("commerce exited with code 137"));
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("the others keep running (type \"start commerce\" to start it again)");
      assertThat(federation.isRunning("gateway")).as("the gateway serves on").isTrue();

      assertThat(console.handle("start promo")).isEqualTo("promo is up again");
      assertThat(console.handle("start commerce")).isEqualTo("commerce is up again");
      assertThat(console.handle("status")).isEqualTo("commerce: running, promo: running, gateway: running");
      assertThat(console.handle("start promo")).isEqualTo("promo is already running");
      assertThat(console.handle("stop nothing")).startsWith("no service named nothing");
      assertThat(console.handle("restart")).startsWith("unknown command \"restart\"");
      assertThat(Files.readString(root.resolve("logs/promo.log"))).as("the log goes on after a restart")
          .containsPattern("(?s)health stand-in.*health stand-in");
    }
    assertThat(children()).as("children still running after close").isEmpty();
  }

  /** A {@code kill -9} from outside, as a crash would end it. */
  private void killByHand(Path jar) {
    ProcessHandle.current().children()
        .filter(child -> child.info().commandLine().orElse("").contains(jar.toString()))
        .forEach(ProcessHandle::destroyForcibly);
  }

  private List<String> children() {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .map(child -> child.info().commandLine().orElse(""))
        .filter(command -> command.contains(root.toString()))
        .toList();
  }

  private ProjectLayout fakeProject() throws Exception {
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    for (String module : List.of("gateway", "commerce-subgraph", "promo-subgraph")) {
      Files.createDirectories(root.resolve(module).resolve("target"));
    }
    Files.writeString(root.resolve("gateway/pom.xml"), "<project/>");
    ProjectLayout layout = new ProjectLayout(root);
    for (Path jar : List.of(layout.commerceJar(), layout.promoJar(), layout.gatewayJar())) {
      healthyJar(jar);
    }
    return layout;
  }

  /** A jar whose Main-Class is {@link HealthyService}, loaded from this module's test classes. */
  private static void healthyJar(Path jar) throws Exception {
    Path classes = Path.of(HealthyService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HealthyService.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // The manifest is the whole jar.
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(BOUND);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
