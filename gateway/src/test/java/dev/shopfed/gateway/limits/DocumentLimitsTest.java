package dev.shopfed.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.parser.InvalidSyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentLimitsTest {

  /** Hangs or exponential work show up as seconds, not the microseconds a bomb should cost to measure. */
  private static final Duration HANG = Duration.ofSeconds(5);

  private static final OperationLimits NONE = OperationLimits.none();

  @Test
  void depthCountsNestedFieldsThroughFragments() {
    String query = "{ a { ...F } } fragment F on T { b { ... on T { c } } }";
    assertThat(measure(query).depth()).isEqualTo(3);
    assertThat(check(query, onlyDepth(3))).isEmpty();
    assertThat(check(query, onlyDepth(2))).contains(new LimitViolation("MAX_DEPTH_LIMIT",
        "Operation depth 3 exceeds the limit of 2 (gateway.limits.max-depth)"));
  }

  @Test
  void aliasesAreCountedAfterFragmentExpansion() {
    String query = "{ x: a { ...F ...F } } fragment F on T { y: b z: c }";
    assertThat(measure(query).aliases()).isEqualTo(5);
    assertThat(check(query, onlyAliases(5))).isEmpty();
    assertThat(check(query, onlyAliases(4))).contains(new LimitViolation("MAX_ALIASES_LIMIT",
        "Alias count 5 exceeds the limit of 4 (gateway.limits.max-aliases)"));
  }

  @Test
  void rootFieldsIncludeThoseOfRootFragments() {
    String query = "{ a b ...Q ... on Query { e } } fragment Q on Query { c d { x y } }";
    assertThat(measure(query).rootFields()).isEqualTo(5);
    assertThat(check(query, onlyRootFields(5))).isEmpty();
    assertThat(check(query, onlyRootFields(4))).map(LimitViolation::code).contains("MAX_ROOT_FIELDS_LIMIT");
  }

  @Test
  void fieldsAreCountedAfterFragmentExpansion() {
    String query = "{ a { ...F ...F ... on T { ...F } } } fragment F on T { b c { d } }";
    assertThat(measure(query).fields()).isEqualTo(1 + 3 * 3);
    assertThat(check(query, onlyFields(10))).isEmpty();
    assertThat(check(query, onlyFields(9))).contains(new LimitViolation("MAX_FIELDS_LIMIT",
        "Field count after fragment expansion 10 exceeds the limit of 9 (gateway.limits.max-fields)"));
  }

  @Test
  void directivesAreCountedPerField() {
    String query = "{ a @x @y { b @x } ...F @x @y @z } fragment F on Query { c }";
    assertThat(measure(query).maxDirectivesPerField()).isEqualTo(3);
    assertThat(check(query, onlyDirectives(3))).isEmpty();
    assertThat(check(query, onlyDirectives(2))).map(LimitViolation::code).contains("MAX_DIRECTIVES_LIMIT");
    String flood = "{ a " + "@skip(if: false) ".repeat(100) + "}";
    assertThat(check(flood, onlyDirectives(10))).map(LimitViolation::message)
        .contains("Directive count on one field 100 exceeds the limit of 10 (gateway.limits.max-directives-per-field)");
  }

  @Test
  void everyOperationOfTheDocumentIsChecked() {
    String query = "query Small { a } query Deep { a { b { c } } }";
    assertThat(check(query, onlyDepth(2))).map(LimitViolation::code).contains("MAX_DEPTH_LIMIT");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void zeroOrNegativeSwitchesALimitOff(int off) {
    String query = "{ x: a @s { y: b { c } } d }";
    OperationLimits limits = new OperationLimits(off, off, off, off, off, off, off, off);
    assertThat(check(query, limits)).isEmpty();
    assertThat(new DocumentLimits(limits).checkText(query)).isEmpty();
  }

  @Test
  void operationSizeIsTheQueryTextsLength() {
    String query = "{ a }" + " ".repeat(95);
    assertThat(query).hasSize(100);
    assertThat(new DocumentLimits(onlyOperationSize(100)).checkText(query)).isEmpty();
    assertThat(new DocumentLimits(onlyOperationSize(100)).parse(query)).isNotNull();
    assertThat(new DocumentLimits(onlyOperationSize(99)).checkText(query)).contains(new LimitViolation(
        "MAX_OPERATION_SIZE_LIMIT", "Operation size 100 exceeds the limit of 99 (gateway.limits.max-operation-size)"));
  }

  @Test
  void theParserStopsAtTheTokenLimit() {
    String query = "{ a b c d e }"; // 7 grammar tokens and the end of the input
    assertThat(new DocumentLimits(onlyTokens(8)).parse(query)).isNotNull();
    DocumentLimits limits = new DocumentLimits(onlyTokens(7));
    InvalidSyntaxException cancelled = assertThrows(InvalidSyntaxException.class, () -> limits.parse(query));
    assertThat(limits.parseCancelled(cancelled)).contains(new LimitViolation("MAX_TOKENS_LIMIT",
        "Token count exceeds the limit of 7 (gateway.limits.max-tokens)"));
  }

  @Test
  void theParserStopsAtItsNestingLimitWhateverTheDepthSetting() {
    String query = "{" + "a {".repeat(1000) + "b" + "}".repeat(1001);
    DocumentLimits limits = new DocumentLimits(NONE);
    InvalidSyntaxException cancelled = assertThrows(InvalidSyntaxException.class, () -> limits.parse(query));
    assertThat(limits.parseCancelled(cancelled)).map(LimitViolation::code).contains("MAX_DEPTH_LIMIT");
  }

  @Test
  void anOrdinarySyntaxErrorIsNoLimit() {
    DocumentLimits limits = new DocumentLimits(OperationLimits.defaults());
    InvalidSyntaxException error = assertThrows(InvalidSyntaxException.class, () -> limits.parse("{ a "));
    assertThat(limits.parseCancelled(error)).isEmpty();
  }

  @Test
  void aNamedFragmentBombIsMeasuredWithoutExpandingIt() {
    // F0 has one field; each next fragment spreads the previous twice: F30 stands for 2^30 fields
    String query = "{ a { ...F30 } }\nfragment F0 on T { b }\n" + IntStream.rangeClosed(1, 30)
        .mapToObj(i -> "fragment F" + i + " on T { ...F" + (i - 1) + " ...F" + (i - 1) + " }")
        .collect(Collectors.joining("\n"));
    OperationMeasure measure = measureWithin(HANG, query);
    assertThat(measure.fields()).isEqualTo(1 + (1L << 30));
    assertThat(measure.depth()).isEqualTo(2);
    Document document = new DocumentLimits(NONE).parse(query);
    Optional<LimitViolation> violation = assertTimeoutPreemptively(HANG,
        () -> new DocumentLimits(OperationLimits.defaults()).check(document));
    assertThat(violation).contains(new LimitViolation("MAX_FIELDS_LIMIT",
        "Field count after fragment expansion 1073741825 exceeds the limit of 1000 (gateway.limits.max-fields)"));
  }

  @Test
  void aBombOfInlineFragmentsIsMeasuredWithoutExpandingIt() {
    String query = "{ a { ...F30 } }\nfragment F0 on T { b }\n" + IntStream.rangeClosed(1, 30)
        .mapToObj(i -> "fragment F" + i + " on T { ... on T { ...F" + (i - 1) + " } ... { ...F" + (i - 1) + " } }")
        .collect(Collectors.joining("\n"));
    OperationMeasure measure = measureWithin(HANG, query);
    assertThat(measure.fields()).isEqualTo(1 + (1L << 30));
    assertThat(check(query, OperationLimits.defaults())).map(LimitViolation::code).contains("MAX_FIELDS_LIMIT");
  }

  @Test
  void aBombAtTheRootMultipliesRootFieldsAndAliases() {
    String query = "{ ...F30 }\nfragment F0 on Query { x: a }\n" + IntStream.rangeClosed(1, 30)
        .mapToObj(i -> "fragment F" + i + " on Query { ...F" + (i - 1) + " ...F" + (i - 1) + " }")
        .collect(Collectors.joining("\n"));
    OperationMeasure measure = measureWithin(HANG, query);
    assertThat(measure.rootFields()).isEqualTo(1L << 30);
    assertThat(measure.aliases()).isEqualTo(1L << 30);
    // reported for what it is: the field count comes first
    assertThat(check(query, OperationLimits.defaults())).map(LimitViolation::code).contains("MAX_FIELDS_LIMIT");
    assertThat(check(query, onlyRootFields(20))).map(LimitViolation::code).contains("MAX_ROOT_FIELDS_LIMIT");
    assertThat(check(query, onlyAliases(100))).map(LimitViolation::code).contains("MAX_ALIASES_LIMIT");
  }

  @Test
  void countsSaturateInsteadOfOverflowing() {
    // 2^70 fields: more than a long holds
    String query = "{ a { ...F70 } }\nfragment F0 on T { x: b }\n" + IntStream.rangeClosed(1, 70)
        .mapToObj(i -> "fragment F" + i + " on T { ...F" + (i - 1) + " ...F" + (i - 1) + " }")
        .collect(Collectors.joining("\n"));
    OperationMeasure measure = measureWithin(HANG, query);
    assertThat(measure.fields()).isEqualTo(Long.MAX_VALUE);
    assertThat(measure.aliases()).isEqualTo(Long.MAX_VALUE);
    assertThat(check(query, onlyFields(1000))).map(LimitViolation::message)
        .contains("Field count after fragment expansion 9223372036854775807 exceeds the limit of 1000 (gateway.limits.max-fields)");
  }

  @Test
  void fragmentCyclesEndTheWalk() {
    String query = "{ a { ...A } } fragment A on T { b ...B } fragment B on T { c { ...A } } fragment C on T { ...C }";
    OperationMeasure measure = measureWithin(HANG, query);
    // each fragment is counted once around the cycle; validation refuses the document afterwards
    assertThat(measure.fields()).isBetween(2L, 4L);
    assertThat(check(query, OperationLimits.defaults())).isEmpty();
  }

  @Test
  void unknownFragmentsCountAsEmpty() {
    assertThat(measure("{ a { b ...Missing } }").fields()).isEqualTo(2);
  }

  @Test
  void aLongChainOfFragmentsDoesNotOverflowTheStack() throws Exception {
    // built, not parsed (parsing 20,000 fragments is slow), and measured on a thread with a small stack
    int length = 20_000;
    List<Definition> definitions = new ArrayList<>();
    definitions.add(OperationDefinition.newOperationDefinition().operation(OperationDefinition.Operation.QUERY)
        .selectionSet(selections(new Field("a", selections(new FragmentSpread("F" + length))))).build());
    definitions.add(fragment("F0", new Field("b")));
    for (int i = 1; i <= length; i++) {
      definitions.add(fragment("F" + i, new FragmentSpread("F" + (i - 1))));
    }
    Document document = Document.newDocument().definitions(definitions).build();
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        outcome.set(DocumentMeasurer.measure(document).get(0));
      } catch (Throwable e) {
        outcome.set(e);
      }
    }, "small-stack", 256 * 1024);
    thread.start();
    thread.join(HANG.toMillis());
    assertThat(outcome.get()).isInstanceOfSatisfying(OperationMeasure.class,
        measure -> assertThat(measure.fields()).isEqualTo(2));
  }

  private static FragmentDefinition fragment(String name, Selection<?> selection) {
    return FragmentDefinition.newFragmentDefinition().name(name).typeCondition(new TypeName("T"))
        .selectionSet(selections(selection)).build();
  }

  private static SelectionSet selections(Selection<?> selection) {
    return SelectionSet.newSelectionSet().selection(selection).build();
  }

  private static OperationLimits onlyDepth(int limit) {
    return new OperationLimits(limit, 0, 0, 0, 0, 0, 0, 0);
  }

  private static OperationLimits onlyAliases(int limit) {
    return new OperationLimits(0, limit, 0, 0, 0, 0, 0, 0);
  }

  private static OperationLimits onlyRootFields(int limit) {
    return new OperationLimits(0, 0, limit, 0, 0, 0, 0, 0);
  }

  private static OperationLimits onlyFields(int limit) {
    return new OperationLimits(0, 0, 0, limit, 0, 0, 0, 0);
  }

  private static OperationLimits onlyDirectives(int limit) {
    return new OperationLimits(0, 0, 0, 0, limit, 0, 0, 0);
  }

  private static OperationLimits onlyTokens(int limit) {
    return new OperationLimits(0, 0, 0, 0, 0, limit, 0, 0);
  }

  private static OperationLimits onlyOperationSize(int limit) {
    return new OperationLimits(0, 0, 0, 0, 0, 0, limit, 0);
  }

  /** Parsed first, so that only the measuring is bounded. */
  private static OperationMeasure measureWithin(Duration bound, String query) {
    Document document = new DocumentLimits(NONE).parse(query);
    List<OperationMeasure> measures = assertTimeoutPreemptively(bound, () -> DocumentMeasurer.measure(document));
    assertThat(measures).hasSize(1);
    return measures.get(0);
  }

  private static OperationMeasure measure(String query) {
    Document document = new DocumentLimits(NONE).parse(query);
    List<OperationMeasure> measures = DocumentMeasurer.measure(document);
    assertThat(measures).hasSize(1);
    return measures.get(0);
  }

  private static Optional<LimitViolation> check(String query, OperationLimits limits) {
    DocumentLimits checker = new DocumentLimits(limits);
    return checker.check(new DocumentLimits(NONE).parse(query));
  }
}
