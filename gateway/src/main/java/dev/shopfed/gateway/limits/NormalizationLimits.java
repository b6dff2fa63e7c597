package dev.shopfed.gateway.limits;

import graphql.execution.AbortExecutionException;
import graphql.normalized.ExecutableNormalizedOperationFactory;

/**
 * The same depth and field limits handed to graphql-java's normalization, as a backstop behind the document check
 * (normalization merges fields, so it rarely counts more than the document does).
 */
public final class NormalizationLimits {

  private NormalizationLimits() {}

  /** A limit switched off leaves graphql-java's own default in place (100,000 fields, unbounded depth). */
  public static ExecutableNormalizedOperationFactory.Options options(OperationLimits limits) {
    ExecutableNormalizedOperationFactory.Options options = ExecutableNormalizedOperationFactory.Options.defaultOptions();
    if (OperationLimits.on(limits.maxDepth())) {
      options = options.maxChildrenDepth(limits.maxDepth());
    }
    if (OperationLimits.on(limits.maxFields())) {
      options = options.maxFieldsCount(limits.maxFields());
    }
    return options;
  }

  /** The limit an aborted normalization hit; graphql-java tells its two limits apart only by the message. */
  public static LimitViolation violation(AbortExecutionException e, OperationLimits limits) {
    ExecutableNormalizedOperationFactory.Options applied = options(limits);
    if (String.valueOf(e.getMessage()).contains("depth")) {
      return new LimitViolation("MAX_DEPTH_LIMIT", "Operation depth exceeds the limit of "
          + applied.getMaxChildrenDepth() + " (gateway.limits.max-depth)");
    }
    return new LimitViolation("MAX_FIELDS_LIMIT", "Field count after fragment expansion exceeds the limit of "
        + applied.getMaxFieldsCount() + " (gateway.limits.max-fields)");
  }
}
