package dev.shopfed.gateway.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.shopfed.gateway.differential.OperationGenerator.GeneratedOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test of our engine against Apollo Gateway: per fixture (a small federation of Node
 * subgraphs under src/test/node/fixtures), every corpus operation under
 * src/test/resources/differential/&lt;fixture&gt;/ and a batch of seeded random operations run
 * through both gateways, which must agree on {@code data} exactly and on the (path, code) of
 * every error. Reproduce a random run with {@code -Ddifferential.seed=N} (the seed is in the test
 * names); {@code -Ddifferential.seeds=N,M,...} runs the random operations of several seeds against one start of each
 * federation (the {@code differential-seeds} Maven profile runs 20); {@code -Ddifferential.random=N} sets how many
 * random operations each fixture gets per seed.
 */
class DifferentialTest {

  private static final String SHARED_FETCH_CONDITION =
      "Apollo Gateway puts the @skip/@include of one @requires field (shippingCost, packaging) on shipping's whole "
          + "entity fetch, so the other field, which shares that fetch, is dropped too; the null for that non-null "
          + "field then nulls data with no error (only extensions.valueCompletion). A directive must remove exactly "
          + "the field it is on (GraphQL spec, CollectFields)";

  private static final String NESTED_INTERFACE_FRAGMENT =
      "Apollo Gateway drops the \"... on Book\" inside a fragment on the Item interface when that fragment is "
          + "spread on a selection already typed Book (Author.books): Book implements Item, so the inner fragment "
          + "applies and its fields must be in the answer (GraphQL spec, CollectFields, DoesFragmentTypeApply)";

  /**
   * Where Apollo Gateway, the oracle, contradicts the federation or GraphQL specification. These
   * cases stay in the corpus with the specified answer in {@code <case>.expected.json}; our engine
   * must give that answer, and Apollo Gateway must still be wrong (else the entry is stale).
   */
  static final Map<String, String> KNOWN_APOLLO_DIVERGENCES = Map.ofEntries(
      Map.entry("entities/response-key-order-with-conditional-repeat",
          "When a field collected earlier (region) is selected again under a variable @skip, Apollo Gateway moves "
              + "the keys collected in between (a5) after later ones (code); response keys must keep the order in "
              + "which fields were first collected (GraphQL spec, CollectFields and ExecuteSelectionSet)"),
      Map.entry("requires/requires-arguments-with-client-selection",
          "Apollo Gateway merges the client's price (default currency EUR) with the price(currency: USD) that "
              + "customsClass @requires, and sends shipping the EUR price: the requirement is not met"),
      Map.entry("requires/skip-include-requires", SHARED_FETCH_CONDITION),
      Map.entry("requires/skip-include-requires-not-skipped", SHARED_FETCH_CONDITION),
      Map.entry("override/progressive-override-percent",
          "Apollo Gateway never draws progressive override labels: every label counts as off, so "
              + "@override(label: \"percent(100)\") never takes effect, though it must for every request"),
      Map.entry("override/inaccessible-enum-value-returned",
          "Apollo Gateway nulls an @inaccessible enum value a subgraph returns but reports it only in "
              + "extensions.valueCompletion; a value outside the API schema's enum is a field error (GraphQL spec, "
              + "CompleteValue for enums), so it belongs in errors"),
      Map.entry("abstract/fragments-on-abstract-types-any-depth", NESTED_INTERFACE_FRAGMENT),
      Map.entry("abstract/interface-fragment-inside-object-selection", NESTED_INTERFACE_FRAGMENT),
      Map.entry("abstract/interface-object-field-beside-typename",
          "Apollo Gateway asks the @interfaceObject's subgraph (ratings) for __typename when a selection holds only "
              + "__typename and ratings' fields, and writes its answer \"Node\" over the Book or Author the owner "
              + "resolved: the fragment on Book no longer applies and Book.author turns null, without an error. An "
              + "entity's __typename is its concrete object type (federation spec, @interfaceObject)"),
      Map.entry("abstract/interface-object-unresolvable-typename",
          "When the entity interface's owner cannot resolve a reference's concrete type, Apollo Gateway nulls "
              + "the parent of the non-null Loan.item without any error; null propagation requires a field error"),
      Map.entry("abstract/interface-object-unresolvable-fragment",
          "When the entity interface's owner cannot resolve a reference's concrete type, Apollo Gateway returns "
              + "an empty object of no type for the non-null Loan.item; a value of an abstract type must resolve to "
              + "an object type, else it is a field error and null propagates"));

  /** Fixed, so that CI runs the same operations every time; other seeds explore further. */
  private static final long DEFAULT_SEED = 20261127L;
  private static final List<Long> SEEDS = seeds();
  private static final int RANDOM_OPERATIONS = Integer.getInteger("differential.random", 60);

  private static final List<FixtureRun> RUNS = new ArrayList<>();

  @AfterAll
  static void stopEverything() {
    synchronized (RUNS) {
      RUNS.forEach(FixtureRun::close);
      RUNS.clear();
    }
  }

  @TestFactory
  Stream<DynamicNode> differential() throws Exception {
    NodeProject node = NodeProject.locate().installed();
    return CorpusCase.fixtures().stream().map(fixture -> dynamicContainer(fixture, fixtureTests(node, fixture)));
  }

  @Test
  void everyKnownDivergenceHasItsSpecifiedAnswerAndNoOtherCaseHasOne() {
    Set<String> withSpecifiedAnswer = new TreeSet<>();
    for (String fixture : CorpusCase.fixtures()) {
      CorpusCase.load(fixture).stream().filter(c -> c.specified() != null).forEach(c -> withSpecifiedAnswer.add(c.id()));
    }
    assertEquals(new TreeSet<>(KNOWN_APOLLO_DIVERGENCES.keySet()), withSpecifiedAnswer);
  }

  /** The fixture's tests in order: start, self-check, corpus, random operations, stop. */
  private Stream<DynamicNode> fixtureTests(NodeProject node, String fixture) {
    FixtureSlot slot = new FixtureSlot(node, fixture);
    List<CorpusCase> corpus = CorpusCase.load(fixture);
    Stream<DynamicNode> start = Stream.of(dynamicTest("start federation", slot::start));
    Stream<DynamicNode> selfCheck = Stream.of(dynamicTest("comparison catches a changed answer",
        () -> comparisonCatchesChanges(slot.run(), corpus)));
    Stream<DynamicNode> cases = corpus.stream().map(c -> dynamicTest(c.name(), () -> check(slot.run(), c)));
    Stream<DynamicNode> random = SEEDS.stream().flatMap(seed -> IntStream.range(0, RANDOM_OPERATIONS).mapToObj(i ->
        dynamicTest("random seed=" + seed + " #" + i, () -> checkRandom(slot.run(), fixture, seed, i))));
    Stream<DynamicNode> stop = Stream.of(dynamicTest("stop federation", slot::stop));
    return Stream.of(start, selfCheck, cases, random, stop).flatMap(s -> s);
  }

  private static void check(FixtureRun run, CorpusCase c) throws Exception {
    Map<String, Object> apollo = run.reference(c.query(), c.operationName(), c.variables());
    assertMeaningful(c, apollo);
    Map<String, Object> again = run.reference(c.query(), c.operationName(), c.variables());
    assertAgree(apollo, again, c.id() + ": Apollo Gateway answered differently the second time: the fixture is not deterministic");
    Map<String, Object> ours = ours(run, c.id(), c.query(), c.operationName(), c.variables());
    if (c.specified() == null) {
      assertAgree(apollo, ours, c.id() + ": our engine disagrees with Apollo Gateway");
      return;
    }
    String reason = KNOWN_APOLLO_DIVERGENCES.get(c.id());
    assertTrue(reason != null, c.id() + " has a specified answer but no entry in KNOWN_APOLLO_DIVERGENCES");
    assertTrue(ResponseComparison.difference(c.specified(), apollo).isPresent(),
        "Apollo Gateway now gives the specified answer for " + c.id() + ": drop it from KNOWN_APOLLO_DIVERGENCES");
    assertAgree(c.specified(), ours, c.id() + ": our engine disagrees with the specified answer (Apollo Gateway is known wrong here: "
        + reason + ")");
  }

  /** {@code differential.seeds} (comma-separated) if set, else the one {@code differential.seed}. */
  private static List<Long> seeds() {
    String many = System.getProperty("differential.seeds", "").trim();
    if (many.isEmpty()) {
      return List.of(Long.getLong("differential.seed", DEFAULT_SEED));
    }
    return Stream.of(many.split(",")).map(String::trim).filter(t -> !t.isEmpty()).map(Long::valueOf).toList();
  }

  private static void checkRandom(FixtureRun run, String fixture, long runSeed, int index) throws Exception {
    long seed = (runSeed * 31 + fixture.hashCode()) * 1_000_003L + index;
    GeneratedOperation operation = run.generator().generate(seed);
    String shown = fixture + " random seed=" + runSeed + " #" + index + "\n" + operation.query()
        + "\nvariables: " + Json.write(operation.variables());
    Map<String, Object> apollo = run.reference(operation.query(), null, operation.variables());
    assertTrue(apollo.containsKey("data"), "Apollo Gateway rejected a generated operation: " + shown + "\n" + Json.write(apollo));
    Map<String, Object> ours = ours(run, shown, operation.query(), null, operation.variables());
    if (ResponseComparison.difference(apollo, ours).isPresent()) {
      String checked = runSeed == DEFAULT_SEED ? ApolloDefects.CHECKED_BY_HAND.get(fixture + " #" + index) : null;
      if (checked != null) {
        Assumptions.abort("Apollo Gateway is wrong here (checked by hand): " + checked + ": " + shown);
      }
      ApolloDefects.explain(apollo, ours)
          .or(() -> run.interfaceObjectTypename().explain(apollo, ours, operation.query()))
          .ifPresent(reason -> Assumptions.abort(reason + ": " + shown));
    }
    assertAgree(apollo, ours, "our engine disagrees with Apollo Gateway on " + shown);
  }

  /** Our engine's answer; a crash fails the test with the operation it crashed on. */
  private static Map<String, Object> ours(FixtureRun run, String label, String query, String operationName,
                                          Map<String, Object> variables) throws Exception {
    try {
      return run.ours(query, operationName, variables);
    } catch (org.opentest4j.TestAbortedException | AssertionError e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw new AssertionError(label + ": our engine failed with " + e, e);
    }
  }

  /** The reference answer must be a real answer, or the comparison proves nothing. */
  private static void assertMeaningful(CorpusCase c, Map<String, Object> apollo) {
    String shown = Json.write(apollo);
    if (c.specified() != null) {
      assertTrue(apollo.containsKey("data") || apollo.containsKey("errors"), c.id() + ": not a GraphQL response: " + shown);
      return;
    }
    if (c.expectsRequestError()) {
      assertTrue(!apollo.containsKey("data") && apollo.get("errors") instanceof List<?> e && !e.isEmpty(),
          c.id() + " should be rejected before execution, but Apollo Gateway answered " + shown);
      return;
    }
    assertTrue(apollo.containsKey("data"), c.id() + ": Apollo Gateway gave no data: " + shown);
    assertTrue(apollo.get("data") != null || c.name().contains("null"),
        c.id() + ": Apollo Gateway's data is null, which only cases named *null* expect: " + shown);
  }

  private static void assertAgree(Map<String, Object> expected, Map<String, Object> actual, String message) {
    Optional<String> difference = ResponseComparison.difference(expected, actual);
    if (difference.isPresent()) {
      fail(message + "\n" + difference.get());
    }
  }

  /** Guards the comparison itself: a changed leaf, key order or error must each be reported. */
  private static void comparisonCatchesChanges(FixtureRun run, List<CorpusCase> corpus) throws Exception {
    CorpusCase sample = corpus.stream().filter(c -> !c.expectsRequestError() && c.specified() == null).findFirst()
        .orElseThrow(() -> new AssertionError("the corpus has no executable case"));
    Map<String, Object> answer = run.reference(sample.query(), sample.operationName(), sample.variables());
    assertTrue(answer.get("data") instanceof Map<?, ?> data && !data.isEmpty(), "no data to change in " + Json.write(answer));
    assertTrue(ResponseComparison.difference(answer, Json.parseObject(Json.write(answer))).isEmpty());

    Map<String, Object> changedLeaf = Json.parseObject(Json.write(answer));
    assertTrue(changeFirstLeaf(changedLeaf.get("data")), "no leaf to change in " + Json.write(answer));
    assertTrue(ResponseComparison.difference(answer, changedLeaf).isPresent(), "a changed leaf went unnoticed");

    Map<String, Object> reordered = Json.parseObject(Json.write(answer));
    reordered.put("data", withKeysReversed(reordered.get("data")));
    boolean orderChanged = !Json.write(reordered.get("data")).equals(Json.write(answer.get("data")));
    assertTrue(!orderChanged || ResponseComparison.difference(answer, reordered).isPresent(), "a changed key order went unnoticed");

    Map<String, Object> extraError = Json.parseObject(Json.write(answer));
    List<Object> errors = new ArrayList<>(extraError.get("errors") instanceof List<?> l ? l : List.of());
    errors.add(Map.of("message", "injected", "path", List.of("injected"), "extensions", Map.of("code", "INJECTED")));
    extraError.put("errors", errors);
    assertTrue(ResponseComparison.difference(answer, extraError).isPresent(), "an extra error went unnoticed");

  }

  @SuppressWarnings("unchecked")
  private static boolean changeFirstLeaf(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> object = (Map<String, Object>) map;
      for (Map.Entry<String, Object> entry : object.entrySet()) {
        if (entry.getValue() instanceof Map<?, ?> || entry.getValue() instanceof List<?>) {
          if (changeFirstLeaf(entry.getValue())) {
            return true;
          }
          continue;
        }
        entry.setValue(entry.getValue() == null ? "changed" : entry.getValue() + "-changed");
        return true;
      }
      return false;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (changeFirstLeaf(item)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The same value with the keys of every object in reverse order. */
  private static Object withKeysReversed(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      Map<String, Object> reversed = new LinkedHashMap<>();
      for (int i = entries.size() - 1; i >= 0; i--) {
        reversed.put(String.valueOf(entries.get(i).getKey()), withKeysReversed(entries.get(i).getValue()));
      }
      return reversed;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(DifferentialTest::withKeysReversed).toList();
    }
    return value;
  }

  /** Holds a fixture's run between its first and last test. */
  private static final class FixtureSlot {
    private final NodeProject node;
    private final String fixture;
    private FixtureRun run;
    private Exception failure;

    FixtureSlot(NodeProject node, String fixture) {
      this.node = node;
      this.fixture = fixture;
    }

    void start() throws Exception {
      try {
        run = FixtureRun.start(node, fixture);
      } catch (Exception e) {
        failure = e;
        throw e;
      }
      synchronized (RUNS) {
        RUNS.add(run);
      }
    }

    FixtureRun run() {
      if (run == null) {
        throw new AssertionError("the " + fixture + " federation did not start", failure);
      }
      return run;
    }

    void stop() {
      if (run == null) {
        return;
      }
      run.close();
      synchronized (RUNS) {
        RUNS.remove(run);
      }
    }
  }
}
