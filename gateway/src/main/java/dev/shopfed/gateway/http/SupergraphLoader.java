package dev.shopfed.gateway.http;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.telemetry.GatewayTelemetry;
import dev.shopfed.gateway.telemetry.Telemetry;
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
 * supergraph file, or polls a supergraph URL conditionally, and swaps in a new engine whenever the supergraph changes
 * and loads cleanly. A change that does not load, or a fetch that fails, is logged and the current engine keeps
 * serving. A replaced engine closes once the requests holding it have finished.
 */
final class SupergraphLoader implements ApplicationRunner, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SupergraphLoader.class);

  private final SupergraphSource source;
  private final GatewayOptions options;
  private final Duration pollInterval;
  private final Duration drainTimeout;
  private final ActiveEngine active;
  private final ApplicationContext context;
  /** Shared by every engine, so APQ registrations survive a supergraph reload. */
  private final PersistedOperations persisted;
  /** One breaker per subgraph for the process: a reload keeps what they learnt of the subgraphs. */
  private final SubgraphBreakers breakers;
  private final Set<ServedEngine> retiring = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "supergraph-watch");
    thread.setDaemon(true);
    return thread;
  });

  // Only the scheduler thread touches these after start-up.
  private volatile String servedSdl;
  private volatile SupergraphSource.Stamp seenStamp;
  private volatile SupergraphSource.Validators seenValidators = SupergraphSource.Validators.NONE;
  private volatile String lastProblem;
  private volatile boolean fetchFailing;
  private volatile String versionProblem; // why the version last read was refused; null once one loads

  SupergraphLoader(GatewayProperties properties, SubgraphIdentityOptions subgraphIdentity, ConsentOptions consent,
      MigrationOptions migration, ActiveEngine active, ApplicationContext context) {
    ReloadProperties reload = properties.reload() == null
        ? new ReloadProperties(null, null, null) : properties.reload();
    this.source = SupergraphSource.of(properties.supergraph(), reload.urlHeaders());
    AuthorizationOptions authorization = properties.authorization() == null
        ? AuthorizationOptions.defaults()
        : properties.authorization().engineOptions(context.getBeanProvider(PolicyEvaluator.class).getIfAvailable());
    this.options = properties.engineOptions().withSubgraphIdentity(subgraphIdentity).withAuthorization(authorization)
        .withConsent(consent).withMigration(migration).withShadowCompare(shadowCompare(context))
        .withTelemetry(context.getBeanProvider(Telemetry.class).getIfAvailable(Telemetry::none));
    this.pollInterval = source.isUrl() ? reload.urlPollInterval() : properties.pollInterval();
    this.drainTimeout = reload.drainTimeout() == null ? Duration.ofMinutes(5) : reload.drainTimeout();
    this.active = active;
    this.context = context;
    this.persisted = PersistedOperations.create(options.persistedQueries());
    this.breakers = new SubgraphBreakers(options.traffic());
    publishBreakerStates(breakers, options.telemetry());
  }

  /** Each subgraph's breaker state as a gauge, once the breaker exists (on the subgraph's first request). */
  private static void publishBreakerStates(SubgraphBreakers breakers, Telemetry telemetry) {
    if (telemetry instanceof GatewayTelemetry observed) {
      breakers.whenCreated((subgraph, state) ->
          observed.metrics().bindBreakerState(subgraph, SubgraphBreakers.STATES, state));
    }
  }

  /** {@code gateway.migration.shadow.*}: a properties bean of its own, bound apart from {@code gateway.*}. */
  private static ShadowCompareOptions shadowCompare(ApplicationContext context) {
    ShadowCompareProperties properties = context.getBeanProvider(ShadowCompareProperties.class).getIfAvailable();
    return properties == null ? ShadowCompareOptions.defaults() : properties.engineOptions();
  }

  @Override
  public void run(ApplicationArguments args) {
    seenStamp = source.stamp().orElse(null);
    String sdl = firstRead();
    GatewayEngine engine = load(sdl);
    servedSdl = sdl;
    active.swap(engine);
    log.info("Explorer: http://localhost:{}/ - {} from {}", port(), describe(engine), source.location());
    if (pollInterval == null || pollInterval.isZero() || pollInterval.isNegative()) {
      return; // not watched
    }
    long millis = Math.max(pollInterval.toMillis(), 50);
    scheduler.scheduleWithFixedDelay(source.isUrl() ? this::pollUrl : this::poll, millis, millis,
        TimeUnit.MILLISECONDS);
  }

  /** A URL's first answer also gives the validators its next polls send. */
  private String firstRead() {
    if (!source.isUrl()) {
      return source.read();
    }
    var changed = (SupergraphSource.Poll.Changed) source.poll(SupergraphSource.Validators.NONE);
    seenValidators = changed.validators();
    return changed.sdl();
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

  private void pollUrl() {
    SupergraphSource.Poll poll;
    try {
      poll = source.poll(seenValidators);
    } catch (SupergraphLoadFailure e) {
      refuse(e);
      fetchFailing = true;
      return;
    } catch (RuntimeException e) {
      log.warn("Supergraph poll failed: {}", e.toString());
      return;
    }
    if (fetchFailing) {
      fetchFailing = false;
      lastProblem = versionProblem; // the registry answers again: what stands is the verdict on its version
      log.info("Supergraph URL {} answers again", source.location());
    }
    if (poll instanceof SupergraphSource.Poll.Changed changed) {
      // Taken even when the SDL turns out invalid: that version is refused once, not on every poll.
      seenValidators = changed.validators();
      reload(changed.sdl());
    }
  }

  private void reload() {
    try {
      reload(source.read());
    } catch (SupergraphLoadFailure e) {
      refuse(e);
    }
  }

  /** Logs a problem when it first shows, not on every poll while it lasts. */
  private void refuse(SupergraphLoadFailure e) {
    if (!e.getMessage().equals(lastProblem)) {
      log.warn("Keeping the current supergraph: {}", e.getMessage());
    }
    lastProblem = e.getMessage();
  }

  private void reload(String sdl) {
    GatewayEngine engine;
    try {
      if (sdl.equals(servedSdl)) {
        lastProblem = null;
        versionProblem = null;
        return;
      }
      engine = load(sdl);
    } catch (SupergraphLoadFailure e) {
      refuse(e);
      versionProblem = e.getMessage();
      return;
    }
    servedSdl = sdl;
    lastProblem = null;
    versionProblem = null;
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
   * Closes a replaced engine once the requests holding it have finished; past the drain timeout it is closed
   * anyway, so a request that never ends cannot keep old engines (and their connection pools) forever.
   */
  private void retire(ServedEngine old) {
    if (old == null) {
      return;
    }
    retiring.add(old);
    var forced = scheduler.schedule(() -> {
      if (old.inFlight() > 0) {
        log.warn("Closing the replaced supergraph's engine with {} requests still holding it after {}",
            old.inFlight(), drainTimeout);
      }
      old.closeNow();
    }, drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    old.retire().thenRun(() -> {
      forced.cancel(false);
      retiring.remove(old);
    });
  }

  /** Replaced engines not closed yet: still held by requests in flight. */
  int retiringEngines() {
    return retiring.size();
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
    retiring.forEach(ServedEngine::closeNow);
    retiring.clear();
    ServedEngine current = active.swap(null);
    if (current != null) {
      current.closeNow();
    }
    persisted.close();
  }
}
