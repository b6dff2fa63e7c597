package dev.shopfed.gateway.differential;

import graphql.introspection.IntrospectionQueryBuilder;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Both sides of one fixture, started on first use: the reference federation (Node subgraphs and
 * Apollo Gateway) and our engine loaded in-process with the same supergraph.
 */
final class FixtureRun implements AutoCloseable {

  // The placeholder facade's message: until the engine lands there is nothing to compare against.
  private static final String ENGINE_PLACEHOLDER = "engine under construction";

  private final String fixture;
  private final ReferenceFederation reference;
  private final EngineUnderTest engine;
  private final RuntimeException engineFailure;
  private OperationGenerator generator;

  private FixtureRun(String fixture, ReferenceFederation reference, EngineUnderTest engine, RuntimeException engineFailure) {
    this.fixture = fixture;
    this.reference = reference;
    this.engine = engine;
    this.engineFailure = engineFailure;
  }

  static FixtureRun start(NodeProject node, String fixture) throws IOException {
    ReferenceFederation reference = ReferenceFederation.start(node, fixture);
    try {
      return new FixtureRun(fixture, reference, EngineUnderTest.load(reference.supergraphSdl()), null);
    } catch (RuntimeException e) {
      return new FixtureRun(fixture, reference, null, e);
    }
  }

  String supergraphSdl() {
    return reference.supergraphSdl();
  }

  /** Apollo Gateway's answer, from subgraphs in their start state. */
  Map<String, Object> reference(String query, String operationName, Map<String, Object> variables) throws Exception {
    reference.reset();
    return reference.execute(query, operationName, variables);
  }

  /** Our engine's answer, from subgraphs in their start state. */
  Map<String, Object> ours(String query, String operationName, Map<String, Object> variables) throws Exception {
    if (engineFailure != null) {
      Assumptions.assumeFalse(engineFailure instanceof UnsupportedOperationException
          && ENGINE_PLACEHOLDER.equals(engineFailure.getMessage()), "our engine is not implemented yet");
      throw new AssertionError("our engine could not load the " + fixture + " supergraph", engineFailure);
    }
    reference.reset();
    return engine.execute(query, operationName, variables);
  }

  /** The random operation generator over the API schema, as Apollo Gateway's introspection shows it. */
  synchronized OperationGenerator generator() throws Exception {
    if (generator == null) {
      String introspection = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
          .isOneOf(false).inputValueDeprecation(false).schemaDescription(false));
      Map<String, Object> answer = reference.execute(introspection, null, Map.of());
      if (!(answer.get("data") instanceof Map<?, ?>)) {
        throw new IllegalStateException("Apollo Gateway's introspection failed: " + Json.write(answer));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) answer.get("data");
      generator = new OperationGenerator(OperationGenerator.schemaFromIntrospection(data), GeneratorHints.of(fixture));
    }
    return generator;
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
    reference.close();
  }
}
