package dev.shopfed.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole federation on one machine: a development identity issuer (in this JVM), the commerce and promo
 * subgraphs, then the gateway pointed at them, each a {@code java -jar} child process. Used by {@code ./run.sh}
 * (via {@link #main}) and by the end-to-end tests. Closing it, or the JVM exiting, stops all of them.
 */
public final class LocalFederation implements AutoCloseable {

  /**
   * The gateway's heap, as bench/README.md measured it (a fixed 256 MB G1 heap; smaller ones cost throughput), and an
   * exit on OutOfMemoryError: a JVM past one is in an unknown state, better restarted than left serving.
   */
  static final List<String> GATEWAY_JVM_ARGS = List.of("-Xms256m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");

  private final FederationSettings settings;
  private final DevIdentityIssuer issuer;
  private final GatewayIdentityKeys keys;
  private final List<ServiceProcess> services; // in start order; stopped in reverse; guarded by itself
  private final Thread shutdownHook;
  private volatile boolean stopping;

  private LocalFederation(FederationSettings settings, DevIdentityIssuer issuer, GatewayIdentityKeys keys,
      List<ServiceProcess> services) {
    this.settings = settings;
    this.issuer = issuer;
    this.keys = keys;
    this.services = new CopyOnWriteArrayList<>(services); // restart() swaps one
    this.shutdownHook = new Thread(this::stopAll, "local-federation-shutdown");
  }

  /** Starts the issuer, then commerce and promo, waits for both, then starts the gateway and waits for it. */
  public static LocalFederation start(FederationSettings settings) {
    ProjectLayout layout = settings.layout();
    List<ServiceProcess> started = new ArrayList<>();
    // The gateway's port first: the issuer lets the explorer at that origin fetch tokens.
    int gatewayPort = FreePorts.resolve("gateway", settings.gatewayPort());
    DevIdentityIssuer issuer = DevIdentityIssuer.start(DevIdentityIssuer.gatewayOrigins(gatewayPort));
    // Registered before the first child starts, so Ctrl-C during startup leaves nothing behind.
    Thread startupHook = new Thread(() -> stop(issuer, started), "local-federation-startup-abort");
    Runtime.getRuntime().addShutdownHook(startupHook);
    try {
      PriceQuoteKeys quoteKeys = PriceQuoteKeys.locatedIn(settings.logDir());
      ServiceSpec commerce = subgraph("commerce", layout.commerceJar(), settings.commercePort(), settings,
          concat(quoteKeys.commerceArguments(), settings.commerceArgs()));
      ServiceSpec promo = subgraph("promo", layout.promoJar(), settings.promoPort(), settings,
          concat(quoteKeys.promoArguments(), settings.promoArgs()));
      // After the port checks (a busy port leaves no trace); read by all three.
      GatewayIdentityKeys keys = GatewayIdentityKeys.createIn(settings.logDir());
      PriceQuoteKeys.createIn(settings.logDir());
      // The subgraphs do not depend on each other: launch both, then wait for each.
      ServiceProcess commerceProcess = launch(commerce, settings, started);
      ServiceProcess promoProcess = launch(promo, settings, started);
      commerceProcess.awaitHealthy(settings.startupTimeout());
      promoProcess.awaitHealthy(settings.startupTimeout());

      ServiceSpec gatewaySpec = gateway(settings, gatewayPort, identityArguments(issuer, keys), commerce, promo);
      ServiceProcess gateway = launch(gatewaySpec, settings, started);
      gateway.awaitHealthy(settings.startupTimeout());

      LocalFederation federation = new LocalFederation(settings, issuer, keys, started);
      Runtime.getRuntime().addShutdownHook(federation.shutdownHook);
      Runtime.getRuntime().removeShutdownHook(startupHook);
      return federation;
    } catch (RuntimeException e) {
      stop(issuer, started);
      removeQuietly(startupHook);
      throw e;
    }
  }

  /** The development issuer the gateway trusts: {@code GET issuer().tokenUrl()?sub=u7} signs in as buyer u7. */
  public DevIdentityIssuer issuer() {
    return issuer;
  }

  /** What it was started with. */
  FederationSettings settings() {
    return settings;
  }

  /**
   * The {@link #identityArguments} of this federation's gateway: another gateway started with them accepts the same
   * buyers' tokens and is trusted by these subgraphs.
   */
  List<String> gatewayIdentityArguments() {
    return identityArguments(issuer, keys);
  }

  public URI gatewayUrl() {
    return service("gateway").spec().baseUrl();
  }

  /** The client endpoint: {@code POST /graphql} on the gateway. */
  public URI graphqlUrl() {
    return gatewayUrl().resolve("/graphql");
  }

  public URI explorerUrl() {
    return URI.create("http://localhost:" + service("gateway").spec().port() + "/");
  }

  public URI commerceUrl() {
    return service("commerce").spec().baseUrl().resolve("/graphql");
  }

  public URI promoUrl() {
    return service("promo").spec().baseUrl().resolve("/graphql");
  }

  /** Kills one child ("commerce", "promo", "gateway") with SIGKILL, as a crash would. */
  void kill(String name) {
    service(name).kill();
  }

  /** Starts a killed child again, on the same port with the same arguments, and waits until it is healthy. */
  void restart(String name) {
    kill(name);
    startService(name);
  }

  /** True once {@link #close} or the shutdown hook began stopping the children. */
  public boolean isStopping() {
    return stopping;
  }

  /** Completes when any of the three children exits, with a line naming it and its log. */
  public CompletableFuture<String> anyExit() {
    List<CompletableFuture<String>> exits = snapshot(services).stream().map(LocalFederation::exitLine).toList();
    return CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).thenApply(String.class::cast);
  }

  /** Completes when this run of the named service exits, with a line naming it and its log. */
  CompletableFuture<String> exitOf(String name) {
    return exitLine(service(name));
  }

  private static CompletableFuture<String> exitLine(ServiceProcess s) {
    return s.onExit().thenApply(p -> s.name() + " exited with code " + p.exitValue() + " (log: " + s.log() + ")");
  }

  /** The services in start order: commerce, promo, gateway. */
  List<String> serviceNames() {
    return snapshot(services).stream().map(ServiceProcess::name).toList();
  }

  boolean isRunning(String name) {
    return service(name).isAlive();
  }

  /** Stops one service and leaves the others running. */
  void stopService(String name) {
    service(name).close();
  }

  /**
   * Starts a stopped service again, on its port and with its arguments, and waits until it is healthy; its log
   * goes on in the same file. Does nothing when it is running.
   */
  void startService(String name) {
    synchronized (services) {
      ServiceProcess old = service(name);
      if (old.isAlive()) {
        return;
      }
      ServiceProcess again = old.relaunch();
      services.set(services.indexOf(old), again);
    }
    service(name).awaitHealthy(settings.startupTimeout());
  }

  @Override
  public void close() {
    stopAll();
    removeQuietly(shutdownHook);
  }

  private void stopAll() {
    stopping = true;
    stop(issuer, services);
  }

  private static void stop(DevIdentityIssuer issuer, List<ServiceProcess> services) {
    stopInReverse(services);
    issuer.close();
  }

  private ServiceProcess service(String name) {
    return snapshot(services).stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service named " + name + "; there are "
            + String.join(", ", snapshot(services).stream().map(ServiceProcess::name).toList())));
  }

  private static List<ServiceProcess> snapshot(List<ServiceProcess> services) {
    synchronized (services) {
      return new ArrayList<>(services);
    }
  }

  /** {@code first}, then {@code then}: a repeated option takes its last value, so the caller's win. */
  private static List<String> concat(List<String> first, List<String> then) {
    List<String> all = new ArrayList<>(first);
    all.addAll(then);
    return all;
  }

  private static ServiceSpec subgraph(String name, Path jar, int requestedPort, FederationSettings settings,
      List<String> extraArgs) {
    GatewayIdentityKeys keys = GatewayIdentityKeys.locatedIn(settings.logDir());
    int port = FreePorts.resolve(name, requestedPort);
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.add("--shopfed.gateway-identity.jwks-file=" + keys.jwksFile());
    args.addAll(extraArgs);
    return new ServiceSpec(name, jar, port, "/actuator/health", args, settings.jvmArgs());
  }

  /**
   * Whom the gateway trusts and how it signs: client tokens from the dev issuer (and its sign-in URL for the
   * explorer); its subgraph identity tokens with the launch's key.
   */
  static List<String> identityArguments(DevIdentityIssuer issuer, GatewayIdentityKeys keys) {
    List<String> args = new ArrayList<>(issuer.gatewayArguments());
    args.add("--gateway.subgraph-identity.signing-key-file=" + keys.signingKeyFile());
    return args;
  }

  static ServiceSpec gateway(FederationSettings settings, int port, List<String> identityArgs, ServiceSpec commerce,
      ServiceSpec promo) {
    return gateway(settings, port, identityArgs, commerce.baseUrl().resolve("/graphql"),
        promo.baseUrl().resolve("/graphql"));
  }

  /** A gateway sending to the subgraphs at these GraphQL endpoints (which need not be the launched ones). */
  static ServiceSpec gateway(FederationSettings settings, int port, List<String> identityArgs, URI commerceUrl,
      URI promoUrl) {
    List<String> args = new ArrayList<>(List.of(
        "--supergraph", settings.supergraph().toString(),
        "--port", Integer.toString(port),
        "--gateway.subgraph-urls.commerce=" + commerceUrl,
        "--gateway.subgraph-urls.promo=" + promoUrl));
    if (!settings.overrideLabels().isEmpty()) {
      args.add("--gateway.override-labels=" + String.join(",", settings.overrideLabels()));
    }
    args.add("--gateway.migration.labels-file=" + migrationLabels(settings));
    // The demo compares every query that reads a field on the move with its other owner (off the client's path).
    args.add("--gateway.migration.shadow.share=100");
    // A newcomer's explorer opens on the app's product page, which reads from both subgraphs.
    args.add("--gateway.explorer.initial-operation=" + settings.layout().operationsDir().resolve("productPage.graphql"));
    args.add("--gateway.explorer.initial-variables={\"id\": \"p16\"}");
    args.addAll(identityArgs);
    List<String> jvmArgs = new ArrayList<>(GATEWAY_JVM_ARGS);
    jvmArgs.addAll(settings.jvmArgs()); // after ours: the JVM takes the last of a repeated option
    return new ServiceSpec("gateway", settings.layout().gatewayJar(), port, "/health", args, jvmArgs);
  }

  /**
   * The gateway's watched file of label shares ({@code label=percent} lines), in the log directory: created empty
   * when missing, so that a migration step is one line written while the federation runs.
   */
  static Path migrationLabels(FederationSettings settings) {
    Path file = settings.logDir().resolve("migration.labels");
    try {
      Files.createDirectories(settings.logDir());
      if (!Files.exists(file)) {
        Files.writeString(file, "# label=percent, e.g. shop-details-to-commerce=50; the gateway applies each change\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
    return file;
  }

  private static ServiceProcess launch(ServiceSpec spec, FederationSettings settings, List<ServiceProcess> started) {
    ServiceProcess process = ServiceProcess.launch(spec, settings.logDir());
    synchronized (started) {
      started.add(process);
    }
    return process;
  }

  private static void stopInReverse(List<ServiceProcess> services) {
    List<ServiceProcess> snapshot = snapshot(services);
    for (int i = snapshot.size() - 1; i >= 0; i--) {
      snapshot.get(i).close();
    }
  }

  private static void removeQuietly(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Already shutting down, or never registered: the hook runs or is moot either way.
    }
  }

  /** {@code ./run.sh} lands here: start everything, print where to go, stay up until Ctrl-C. */
  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(FederationSettings.USAGE);
      return;
    }
    FederationSettings settings;
    try {
      settings = FederationSettings.parse(args, ProjectLayout.locate());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println(e.getMessage());
      System.err.print(FederationSettings.USAGE);
      System.exit(2);
      return;
    }
    System.out.println("Starting the dev identity issuer, commerce, promo and the gateway (logs in " + settings.logDir() + ") ...");
    LocalFederation federation;
    try {
      federation = start(settings);
    } catch (StartupException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println("commerce: " + federation.commerceUrl());
    System.out.println("promo:    " + federation.promoUrl());
    System.out.println("gateway:  " + federation.graphqlUrl());
    System.out.println("override labels on: " + (settings.overrideLabels().isEmpty() ? "none"
        : String.join(", ", settings.overrideLabels())) + " (every other @override label is off; --override-labels)");
    System.out.println("Explorer: " + federation.explorerUrl() + " (pick a buyer under \"Sign in as\")");
    System.out.println("Migration: " + federation.gatewayUrl().resolve("/migration") + " (report); label shares in "
        + migrationLabels(settings) + " (label=percent, applied while running)");
    System.out.println("Sign in:  curl '" + federation.issuer().tokenUrl() + "?sub=u7'"
        + "  (any buyer u1..u" + DevIdentityIssuer.BUYERS + "; send the access_token as Authorization: Bearer)");
    if (settings.keepGoing()) {
      // A partial outage on purpose: a service that dies is reported, the others serve on.
      FederationConsole.run(federation, System.in, System.out);
      return;
    }
    System.out.println("Press Ctrl-C to stop all of them.");
    // A child dying on its own takes the others down too: half a federation only confuses (--keep-going to try one).
    String reason = federation.anyExit().join();
    if (federation.isStopping()) {
      return; // Ctrl-C: the shutdown hook is stopping the rest
    }
    System.err.println(reason + "; stopping the others");
    System.exit(1);
  }
}
