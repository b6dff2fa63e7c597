package dev.shopfed.gateway.http;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.authorization.AuthorizationOptions;
import dev.shopfed.gateway.authorization.PolicyEvaluator;
import dev.shopfed.gateway.consent.ConsentOptions;
import dev.shopfed.gateway.migration.MigrationOptions;
import dev.shopfed.gateway.migration.ShadowCompareOptions;
import dev.shopfed.gateway.persisted.PersistedOperations;
import dev.shopfed.gateway.traffic.SubgraphBreakers;
import dev.shopfed.gateway.subgraphidentity.SubgraphIdentityOptions;
import dev.shopfed.gateway.supergraph.Subgraph;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Loads the supergraph once the server is listening (so {@code /health} answers 503 until then), then watches a
 * supergraph file and swaps in a new engine whenever the file changes and loads cleanly. A change that does not
 * load is logged and the current engine keeps serving.
 */
final class SupergraphLoader implements ApplicationRunner, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SupergraphLoader.class);

  private final SupergraphSource source;
  private final GatewayOptions options;
  private final Duration pollInterval;
  private final ActiveEngine active;
  private final ApplicationContext context;
  /** Shared by every engine, so APQ registrations survive a supergraph reload. */
  private final PersistedOperations persisted;
  /** One breaker per subgraph for the process: a reload keeps what they learnt of the subgraphs. */
  private final SubgraphBreakers breakers;
  private final Set<GatewayEngine> retiring = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "supergraph-watch");
    thread.setDaemon(true);
    return thread;
  });

  // Only the scheduler thread touches these after start-up.
  private volatile String servedSdl;
  private volatile SupergraphSource.Stamp seenStamp;
  private volatile String lastProblem;

  SupergraphLoader(GatewayProperties properties, SubgraphIdentityOptions subgraphIdentity, ConsentOptions consent,
      MigrationOptions migration, ActiveEngine active, ApplicationContext context) {
    this.source = SupergraphSource.of(properties.supergraph());
    AuthorizationOptions authorization = properties.authorization() == null
        ? AuthorizationOptions.defaults()
        : properties.authorization().engineOptions(context.getBeanProvider(PolicyEvaluator.class).getIfAvailable());
    this.options = properties.engineOptions().withSubgraphIdentity(subgraphIdentity).withAuthorization(authorization)
        .withConsent(consent).withMigration(migration).withShadowCompare(shadowCompare(context));
    this.pollInterval = properties.pollInterval();
    this.active = active;
    this.context = context;
    this.persisted = PersistedOperations.create(options.persistedQueries());
    this.breakers = new SubgraphBreakers(options.traffic());
  }

  /** {@code gateway.migration.shadow.*}: a properties bean of its own, bound apart from {@code gateway.*}. */
  private static ShadowCompareOptions shadowCompare(ApplicationContext context) {
    ShadowCompareProperties properties = context.getBeanProvider(ShadowCompareProperties.class).getIfAvailable();
    return properties == null ? ShadowCompareOptions.defaults() : properties.engineOptions();
  }

  @Override
  public void run(ApplicationArguments args) {
    seenStamp = source.stamp().orElse(null);
    String sdl = source.read();
    GatewayEngine engine = load(sdl);
    servedSdl = sdl;
    active.swap(engine);
    log.info("Explorer: http://localhost:{}/ - {} from {}", port(), describe(engine), source.location());
    if (!source.isUrl()) {
      long millis = Math.max(pollInterval.toMillis(), 50);
      scheduler.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Why the last change to the supergraph was not put in service; empty once a change has loaded. */
  Optional<String> lastProblem() {
    return Optional.ofNullable(lastProblem);
  }

  private void poll() {
    try {
      SupergraphSource.Stamp stamp = source.stamp().orElse(null);
      if (stamp == null || stamp.equals(seenStamp)) {
        return;
      }
      seenStamp = stamp;
      reload();
    } catch (RuntimeException e) {
      // Never let one bad poll end the schedule.
      log.warn("Supergraph watch failed: {}", e.toString());
    }
  }

  private void reload() {
    String sdl;
    GatewayEngine engine;
    try {
      sdl = source.read();
      if (sdl.equals(servedSdl)) {
        lastProblem = null;
        return;
      }
      engine = load(sdl);
    } catch (SupergraphLoadFailure e) {
      lastProblem = e.getMessage();
      log.warn("Keeping the current supergraph: {}", e.getMessage());
      return;
    }
    servedSdl = sdl;
    lastProblem = null;
    retire(active.swap(engine));
    log.info("Reloaded supergraph from {}: {}", source.location(), describe(engine));
  }

  private GatewayEngine load(String sdl) {
    try {
      return GatewayEngine.load(sdl, options, persisted, breakers);
    } catch (RuntimeException e) {
      throw new SupergraphLoadFailure("Invalid supergraph " + source.location() + ": " + e.getMessage());
    }
  }

  /**
   * Closes a replaced engine once requests that already hold it are done: none outlives its deadline (nor, without
   * one, its subgraph timeout), mutations included.
   */
  private void retire(GatewayEngine old) {
    if (old == null) {
      return;
    }
    retiring.add(old);
    scheduler.schedule(() -> {
      retiring.remove(old);
      old.close();
    }, retireAfter().toMillis(), TimeUnit.MILLISECONDS);
  }

  private java.time.Duration retireAfter() {
    java.time.Duration deadline = options.traffic().requestTimeout();
    java.time.Duration longest = deadline.compareTo(options.subgraphTimeout()) > 0 ? deadline : options.subgraphTimeout();
    return longest.plusSeconds(1);
  }

  private static String describe(GatewayEngine engine) {
    var subgraphs = engine.supergraph().subgraphs();
    return subgraphs.size() + (subgraphs.size() == 1 ? " subgraph (" : " subgraphs (")
        + subgraphs.stream().map(Subgraph::name).sorted().collect(Collectors.joining(", ")) + ")";
  }

  private String port() {
    return context instanceof WebServerApplicationContext web && web.getWebServer() != null
        ? Integer.toString(web.getWebServer().getPort())
        : context.getEnvironment().getProperty("server.port", "4000");
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
    retiring.forEach(GatewayEngine::close);
    retiring.clear();
    GatewayEngine current = active.swap(null);
    if (current != null) {
      current.close();
    }
    persisted.close();
  }
}
