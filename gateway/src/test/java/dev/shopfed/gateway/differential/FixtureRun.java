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
  private InterfaceObjectTypename interfaceObjectTypename;

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

  /**
   * Apollo Gateway's answer, from subgraphs in their start state. Node's HTTP client now and then reuses a keep-alive
   * connection the subgraph's server is just closing ("socket hang up"): a fetch to a subgraph that is up then fails
   * for no reason of the operation's, so the operation is asked once more (a subgraph a fixture keeps down is refused
   * with ECONNREFUSED, never so).
   */
  Map<String, Object> reference(String query, String operationName, Map<String, Object> variables) throws Exception {
    reference.reset();
    Map<String, Object> answer = reference.execute(query, operationName, variables);
    if (!Json.write(answer.get("errors")).contains("reason: socket hang up")) {
      return answer;
    }
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

  /** The signature of Apollo Gateway's @interfaceObject __typename defect over this fixture's supergraph. */
  synchronized InterfaceObjectTypename interfaceObjectTypename() {
    if (interfaceObjectTypename == null) {
      interfaceObjectTypename = InterfaceObjectTypename.of(reference.supergraphSdl());
    }
    return interfaceObjectTypename;
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
