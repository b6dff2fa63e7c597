package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalFederation's own behaviour: options, and clear failures when a child will not come up. */
class LocalFederationTest {

  @TempDir
  Path root;

  @Test
  void parsesPortsAndPassThroughArguments() {
    ProjectLayout layout = new ProjectLayout(root);
    FederationSettings settings = FederationSettings.parse(new String[] {
        "--gateway-port", "0", "--commerce-port=5001", "--promo-port", "5002", "--startup-timeout", "30",
        "--commerce-arg=--spring.datasource.url=jdbc:postgresql://db/commerce", "--promo-arg", "--debug"}, layout);
    assertThat(settings.gatewayPort()).isZero();
    assertThat(settings.commercePort()).isEqualTo(5001);
    assertThat(settings.promoPort()).isEqualTo(5002);
    assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.commerceArgs()).containsExactly("--spring.datasource.url=jdbc:postgresql://db/commerce");
    assertThat(settings.promoArgs()).containsExactly("--debug");
    assertThat(settings.supergraph()).isEqualTo(layout.supergraph());
  }

  @Test
  void defaultsAreTheDocumentedPorts() {
    FederationSettings settings = FederationSettings.parse(new String[0], new ProjectLayout(root));
    assertThat(List.of(settings.gatewayPort(), settings.commercePort(), settings.promoPort()))
        .containsExactly(4000, 4001, 4002);
  }

  @Test
  void theGatewayGetsAFixedHeapBeforeTheGivenJvmOptions() {
    FederationSettings settings = FederationSettings.defaults(new ProjectLayout(root)).onFreePorts()
        .withJvmArgs(List.of("-Xmx512m"));
    ServiceSpec subgraph = new ServiceSpec("commerce", root.resolve("commerce.jar"), 4001, "/actuator/health",
        List.of(), List.of());
    ServiceSpec gateway = LocalFederation.gateway(settings, 4000, List.of(), subgraph, subgraph);
    // the JVM takes the last of a repeated option: the given -Xmx512m wins over ours
    assertThat(gateway.jvmArgs()).containsExactly("-Xms256m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Xmx512m");
  }

  @Test
  void theGatewayTrustsTheDevIssuerAndSignsWithTheLaunchKey() {
    FederationSettings settings = FederationSettings.defaults(new ProjectLayout(root)).onFreePorts();
    ServiceSpec subgraph = new ServiceSpec("commerce", root.resolve("commerce.jar"), 4001, "/actuator/health",
        List.of(), List.of());
    GatewayIdentityKeys keys = GatewayIdentityKeys.locatedIn(root);
    try (DevIdentityIssuer issuer = DevIdentityIssuer.start(DevIdentityIssuer.gatewayOrigins(4000))) {
      ServiceSpec gateway = LocalFederation.gateway(settings, 4000,
          LocalFederation.identityArguments(issuer, keys), subgraph, subgraph);
      assertThat(gateway.args()).contains(
          "--gateway.authentication.jwks-url=" + issuer.jwksUrl(),
          "--gateway.authentication.issuer=" + issuer.issuer(),
          "--gateway.authentication.audiences=shopfed",
          "--gateway.explorer.sign-in-url=" + issuer.tokenUrl(),
          "--gateway.subgraph-identity.signing-key-file=" + keys.signingKeyFile());
      assertThat(gateway.args()).as("the temporary x-user-id mode is gone")
          .noneMatch(arg -> arg.contains("dev-trust-user-header") || arg.contains("x-user-id"));
    }
  }

  @Test
  void theExplorerOpensOnTheAppsProductPage() {
    FederationSettings settings = FederationSettings.defaults(new ProjectLayout(root)).onFreePorts();
    ServiceSpec subgraph = new ServiceSpec("commerce", root.resolve("commerce.jar"), 4001, "/actuator/health",
        List.of(), List.of());
    assertThat(LocalFederation.gateway(settings, 4000, List.of(), subgraph, subgraph).args()).contains(
        "--gateway.explorer.initial-operation=" + root.resolve("schema/contract/operations/productPage.graphql"),
        "--gateway.explorer.initial-variables={\"id\": \"p16\"}");
  }

  /** Commerce answers the stock, which checkout changes; promo's legacy shop details, which nothing changes, stay on. */
  @Test
  void theGatewaySwitchesStockToCommerceOnByDefault() {
    FederationSettings settings = FederationSettings.parse(new String[0], new ProjectLayout(root));
    assertThat(settings.overrideLabels()).containsExactly("stock-to-commerce");
    assertThat(gatewayArgs(settings)).contains("--gateway.override-labels=stock-to-commerce")
        .noneMatch(arg -> arg.contains("shop-details-to-commerce"));
  }

  @Test
  void overrideLabelsCanBeChosenOrSwitchedOff() {
    ProjectLayout layout = new ProjectLayout(root);
    FederationSettings both = FederationSettings.parse(
        new String[] {"--override-labels", "stock-to-commerce, shop-details-to-commerce"}, layout);
    assertThat(gatewayArgs(both)).contains("--gateway.override-labels=stock-to-commerce,shop-details-to-commerce");

    FederationSettings none = FederationSettings.parse(new String[] {"--override-labels="}, layout);
    assertThat(none.overrideLabels()).isEmpty();
    assertThat(gatewayArgs(none)).noneMatch(arg -> arg.startsWith("--gateway.override-labels"));
  }

  private List<String> gatewayArgs(FederationSettings settings) {
    ServiceSpec subgraph = new ServiceSpec("commerce", root.resolve("commerce.jar"), 4001, "/actuator/health",
        List.of(), List.of());
    return LocalFederation.gateway(settings, 4000, List.of(), subgraph, subgraph).args();
  }

  @Test
  void rejectsBadOptions() {
    ProjectLayout layout = new ProjectLayout(root);
    assertThatThrownBy(() -> FederationSettings.parse(new String[] {"--gateway-port", "70000"}, layout))
        .hasMessageContaining("--gateway-port");
    assertThatThrownBy(() -> FederationSettings.parse(new String[] {"--colour", "blue"}, layout))
        .hasMessageContaining("unknown option --colour");
    assertThatThrownBy(() -> FederationSettings.parse(new String[] {"--promo-port"}, layout))
        .hasMessageContaining("missing value");
  }

  @Test
  void childThatDiesNamesTheServiceAndQuotesItsLog() throws IOException {
    ProjectLayout layout = fakeProject();
    Files.writeString(layout.commerceJar(), "not a jar");
    Files.writeString(layout.promoJar(), "not a jar either");
    FederationSettings settings = settings(layout, Duration.ofSeconds(60));

    assertThatThrownBy(() -> LocalFederation.start(settings))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("commerce exited with code")
        .hasMessageContaining("commerce.log")
        .hasMessageContaining("jarfile"); // the JVM's own complaint, from the log tail
  }

  @Test
  void childThatNeverGetsHealthyTimesOutAndIsStopped() throws Exception {
    ProjectLayout layout = fakeProject();
    sleepingJar(layout.commerceJar());
    sleepingJar(layout.promoJar());
    FederationSettings settings = settings(layout, Duration.ofSeconds(2));

    assertThatThrownBy(() -> LocalFederation.start(settings))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("commerce not healthy after 2s")
        .hasMessageContaining("/actuator/health")
        .hasMessageContaining("last lines of");

    List<String> leftOver = ProcessHandle.current().children()
        .filter(ProcessHandle::isAlive)
        .map(child -> child.info().commandLine().orElse(""))
        .filter(command -> command.contains(root.toString()))
        .toList();
    assertThat(leftOver).as("children still running after the failed start").isEmpty();
  }

  @Test
  void busyPortIsNamedBeforeAnythingStarts() throws IOException {
    ProjectLayout layout = fakeProject();
    try (ServerSocket busy = new ServerSocket(0)) {
      FederationSettings settings = new FederationSettings(layout, busy.getLocalPort(), 0, 0, layout.supergraph(),
          root.resolve("logs"), Duration.ofSeconds(5), List.of(), List.of(), List.of(), List.of());
      assertThatThrownBy(() -> LocalFederation.start(settings))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("commerce: port " + busy.getLocalPort() + " is already in use");
    }
    assertThat(root.resolve("logs")).as("nothing was launched").doesNotExist();
  }

  @Test
  void missingJarSaysHowToBuildIt() throws IOException {
    ProjectLayout layout = fakeProject();
    assertThatThrownBy(() -> LocalFederation.start(settings(layout, Duration.ofSeconds(5))))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("commerce: jar not found")
        .hasMessageContaining("./mvnw");
  }

  private ProjectLayout fakeProject() throws IOException {
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    for (String module : List.of("gateway", "commerce-subgraph", "promo-subgraph")) {
      Files.createDirectories(root.resolve(module).resolve("target"));
    }
    Files.writeString(root.resolve("gateway/pom.xml"), "<project/>");
    return new ProjectLayout(root);
  }

  private static FederationSettings settings(ProjectLayout layout, Duration timeout) {
    return new FederationSettings(layout, 0, 0, 0, layout.supergraph(), layout.root().resolve("logs"), timeout,
        List.of(), List.of(), List.of(), List.of());
  }

  /** A jar whose Main-Class is {@link SleepingService}, loaded from this module's test classes. */
  private static void sleepingJar(Path jar) throws Exception {
    Path classes = Path.of(SleepingService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SleepingService.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // The manifest is the whole jar.
    }
  }
}
