package dev.shopfed.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

/** graphql-java's normalization counts depth and fields as the document check does, and its aborts map to codes. */
class NormalizationLimitsTest {

  private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(
      new SchemaParser().parse("type Query { a: T } type T { t: T b: String }"));
  private static final String QUERY = "{ a { t { b } } }"; // depth 3, 3 fields

  @Test
  void atTheLimitsNormalizationPasses() {
    normalize(new OperationLimits(3, 0, 0, 3, 0, 0, 0, 0));
  }

  @Test
  void overTheDepthItAbortsWithTheDepthCode() {
    OperationLimits limits = new OperationLimits(2, 0, 0, 0, 0, 0, 0, 0);
    AbortExecutionException e = assertThrows(AbortExecutionException.class, () -> normalize(limits));
    assertThat(NormalizationLimits.violation(e, limits)).isEqualTo(new LimitViolation("MAX_DEPTH_LIMIT",
        "Operation depth exceeds the limit of 2 (gateway.limits.max-depth)"));
  }

  @Test
  void overTheFieldCountItAbortsWithTheFieldsCode() {
    OperationLimits limits = new OperationLimits(0, 0, 0, 2, 0, 0, 0, 0);
    AbortExecutionException e = assertThrows(AbortExecutionException.class, () -> normalize(limits));
    assertThat(NormalizationLimits.violation(e, limits)).isEqualTo(new LimitViolation("MAX_FIELDS_LIMIT",
        "Field count after fragment expansion exceeds the limit of 2 (gateway.limits.max-fields)"));
  }

  @Test
  void switchedOffLeavesGraphqlJavasDefault() {
    var options = NormalizationLimits.options(OperationLimits.none());
    assertThat(options.getMaxFieldsCount())
        .isEqualTo(ExecutableNormalizedOperationFactory.Options.defaultOptions().getMaxFieldsCount());
  }

  private static void normalize(OperationLimits limits) {
    ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(SCHEMA, Parser.parse(QUERY), null,
        CoercedVariables.emptyVariables(), NormalizationLimits.options(limits));
  }
}
