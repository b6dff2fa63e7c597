package dev.shopfed.gateway.migration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shopfed.gateway.migration.ShadowCompareSnapshot.FieldCounts;
import dev.shopfed.gateway.migration.ShadowCompareSnapshot.Side;
import dev.shopfed.gateway.ratelimit.NanoClock;
import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.FieldSource;
import dev.shopfed.gateway.supergraph.Subgraph;
import dev.shopfed.gateway.supergraph.Supergraph;
import dev.shopfed.gateway.supergraph.TypeInfo;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedOperation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves the other owner of a field under progressive override answers the same. For a share of the queries that
 * select such fields, once the client's answer is complete, the same operation runs again with those fields' labels
 * flipped (so the other owner serves them), and the values at their response paths are compared. Only hashes and
 * redacted shapes of differing values are kept.
 *
 * <p>The shadow never touches the client's answer or its latency: the client's body is only read, the shadow runs
 * on another thread after its answer is built, and whatever the shadow does (fail, hang until the subgraph timeout)
 * is counted here and nowhere else. It is bounded: at most {@code max-in-flight} at once and {@code per-second}
 * started per second; a query past either bound is skipped, never queued. Mutations are never shadowed.
 */
public final class ShadowCompare {

  private static final Logger log = LoggerFactory.getLogger(ShadowCompare.class);

  /** The same operation planned with the given labels and executed; its response body. Never shadowed itself. */
  @FunctionalInterface
  public interface Replay {
    CompletableFuture<Map<String, Object>> answer(Set<String> labels);
  }

  private static final class Counters {
    final String label;
    final LongAdder compared = new LongAdder();
    final LongAdder mismatched = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder skipped = new LongAdder();

    Counters(String label) {
      this.label = label;
    }

    FieldCounts snapshot() {
      return new FieldCounts(label, compared.sum(), mismatched.sum(), failed.sum(), skipped.sum());
    }
  }

  private final Supergraph supergraph;
  private final ShadowCompareOptions options;
  private final Executor executor;
  private final Semaphore inFlight;
  private final ShadowBudget budget;
  private final Map<String, Counters> counters = new ConcurrentHashMap<>();
  private final LongAdder skippedInFlight = new LongAdder();
  private final LongAdder skippedBudget = new LongAdder();
  private final MismatchLog mismatches;
  /** Plans are cached, and with them their normalized operations: their overridden fields are found once. */
  private final Cache<ExecutableNormalizedOperation, ShadowTargets> targets = Caffeine.newBuilder()
      .weakKeys().maximumSize(1000).build();

  public ShadowCompare(Supergraph supergraph, ShadowCompareOptions options) {
    this.supergraph = supergraph;
    this.options = options;
    this.executor = replayThreads(options.maxInFlight());
    this.inFlight = new Semaphore(options.maxInFlight());
    this.budget = new ShadowBudget(options.perSecond(), NanoClock.system());
    this.mismatches = new MismatchLog(ShadowCompareSnapshot.SAMPLE_SIZE, Clock.systemUTC());
    overriddenFields(supergraph).forEach((coordinate, field) ->
        counters.put(coordinate, new Counters(ShadowTargets.label(field))));
  }

  public ShadowCompareOptions options() {
    return options;
  }

  /**
   * The client's answer is complete: maybe shadow it. Returns at once; the only work done on the caller's thread is
   * the draw, a cached lookup of the operation's overridden fields and taking a permit.
   *
   * @param operation the operation as planned for the client
   * @param labels    the labels that were on for the client's plan
   * @param body      the client's response body; only read
   * @param replay    runs the operation again with other labels
   */
  public void offer(ExecutableNormalizedOperation operation, Set<String> labels, Map<String, Object> body,
      Replay replay) {
    if (!options.enabled()) {
      return;
    }
    try {
      shadow(operation, labels, body, replay);
    } catch (RuntimeException e) {
      // Never the client's problem: its answer is complete and goes out as it is.
      log.warn("Shadow compare not started: {}", e.toString(), e);
    }
  }

  private void shadow(ExecutableNormalizedOperation operation, Set<String> labels, Map<String, Object> body,
      Replay replay) {
    if (operation.getOperation() != OperationDefinition.Operation.QUERY) { // a mutation must never run twice
      return;
    }
    if (ThreadLocalRandom.current().nextDouble(100) >= options.share()) {
      return;
    }
    // An answer with errors is no reference: a null there is the failure's, not the owner's.
    if (body.containsKey("errors") || !(body.get("data") instanceof Map<?, ?> data)) {
      return;
    }
    ShadowTargets selected = targets.get(operation, o -> ShadowTargets.of(supergraph, o));
    if (selected.isEmpty()) {
      return;
    }
    Set<String> flipped = selected.flip(labels);
    @SuppressWarnings("unchecked")
    Map<String, Object> clientData = (Map<String, Object>) data;
    if (!inFlight.tryAcquire()) {
      skippedInFlight.increment();
      count(selected, c -> c.skipped);
      return;
    }
    if (!budget.tryTake()) {
      inFlight.release();
      skippedBudget.increment();
      count(selected, c -> c.skipped);
      return;
    }
    try {
      CompletableFuture.supplyAsync(() -> replay.answer(flipped), executor)
          .thenCompose(answer -> answer)
          .whenComplete((shadowBody, failure) -> {
            try {
              record(selected, labels, flipped, clientData, shadowBody, failure);
            } finally {
              inFlight.release();
            }
          });
    } catch (RuntimeException rejected) {
      // The executor refused the task (shutting down): nothing ran.
      inFlight.release();
      count(selected, c -> c.failed);
    }
  }

  public ShadowCompareSnapshot snapshot() {
    Map<String, FieldCounts> fields = new TreeMap<>();
    counters.forEach((coordinate, c) -> fields.put(coordinate, c.snapshot()));
    return new ShadowCompareSnapshot(options, options.maxInFlight() - inFlight.availablePermits(),
        skippedInFlight.sum(), skippedBudget.sum(), Collections.unmodifiableMap(fields),
        mismatches.snapshot());
  }

  private void record(ShadowTargets selected, Set<String> clientLabels, Set<String> shadowLabels,
      Map<String, Object> clientData, Map<String, Object> shadowBody, Throwable failure) {
    if (failure != null || shadowBody == null || shadowBody.containsKey("errors")
        || !(shadowBody.get("data") instanceof Map<?, ?> data)) {
      count(selected, c -> c.failed);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> shadowData = (Map<String, Object>) data;
    try {
      compare(selected, clientLabels, shadowLabels, clientData, shadowData);
    } catch (RuntimeException e) {
      // A value the comparison cannot write as JSON: not the owners' disagreement.
      log.debug("Shadow compare failed: {}", e.toString(), e);
      count(selected, c -> c.failed);
    }
  }

  /** What one field's comparison found, applied to the counters only once every field is compared. */
  private record Outcome(String coordinate, FieldInfo field, List<Runnable> mismatches) {}

  private void compare(ShadowTargets selected, Set<String> clientLabels, Set<String> shadowLabels,
      Map<String, Object> clientData, Map<String, Object> shadowData) {
    Map<String, Map<List<Object>, Object>> clientValues = selected.valuesIn(clientData);
    Map<String, Map<List<Object>, Object>> shadowValues = selected.valuesIn(shadowData);
    List<Outcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, FieldInfo> field : selected.fields().entrySet()) {
      String coordinate = field.getKey();
      Map<List<Object>, Object> client = clientValues.getOrDefault(coordinate, Map.of());
      Map<List<Object>, Object> shadow = shadowValues.getOrDefault(coordinate, Map.of());
      Set<List<Object>> paths = new LinkedHashSet<>(client.keySet());
      paths.addAll(shadow.keySet());
      List<Runnable> found = new ArrayList<>();
      for (List<Object> path : paths) {
        // A path one answer lacks (a shorter list above the field) compares as null there.
        Object a = client.get(path);
        Object b = shadow.get(path);
        String aJson = MismatchRedaction.json(a);
        String bJson = MismatchRedaction.json(b);
        if (aJson.equals(bJson)) {
          continue;
        }
        Side clientSide = new Side(servedBy(field.getValue(), clientLabels), MismatchRedaction.sha256(aJson),
            MismatchRedaction.shape(a));
        Side shadowSide = new Side(servedBy(field.getValue(), shadowLabels), MismatchRedaction.sha256(bJson),
            MismatchRedaction.shape(b));
        List<List<Object>> differences = MismatchRedaction.differences(a, b);
        found.add(() -> mismatches.add(coordinate, path, clientSide, shadowSide, differences));
      }
      outcomes.add(new Outcome(coordinate, field.getValue(), found));
    }
    for (Outcome outcome : outcomes) {
      Counters c = counters(outcome.coordinate(), outcome.field());
      c.compared.increment();
      if (!outcome.mismatches().isEmpty()) {
        c.mismatched.increment();
        outcome.mismatches().forEach(Runnable::run);
      }
    }
  }

  private void count(ShadowTargets selected, Function<Counters, LongAdder> which) {
    selected.fields().forEach((coordinate, field) -> which.apply(counters(coordinate, field)).increment());
  }

  private Counters counters(String coordinate, FieldInfo field) {
    return counters.computeIfAbsent(coordinate, c -> new Counters(ShadowTargets.label(field)));
  }

  /** The subgraph (by name) that serves the field with these labels on. */
  private String servedBy(FieldInfo field, Set<String> labels) {
    return field.sources().values().stream()
        .filter(source -> source.serves(labels))
        .map(FieldSource::graph)
        .map(supergraph::subgraph)
        .filter(Objects::nonNull)
        .map(Subgraph::name)
        .sorted()
        .collect(Collectors.joining(","));
  }

  /**
   * Its own threads, never the common pool's, which also runs clients' stages (with fewer than 3 cores it has one
   * thread). One per permit, so a task never waits; idle ones end, so a retired engine leaves none behind.
   */
  private static Executor replayThreads(int count) {
    AtomicInteger started = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(count, count, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, "shadow-compare-" + started.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Every field of the supergraph under progressive override, by coordinate. */
  private static Map<String, FieldInfo> overriddenFields(Supergraph supergraph) {
    Map<String, FieldInfo> fields = new TreeMap<>();
    for (String typeName : supergraph.typeOrder()) {
      TypeInfo type = supergraph.type(typeName);
      if (type == null || type.fields() == null) {
        continue;
      }
      type.fields().values().stream()
          .filter(f -> ShadowTargets.label(f) != null)
          .forEach(f -> fields.put(typeName + "." + f.name(), f));
    }
    return fields;
  }
}
