package dev.shopfed.gateway.http;

import dev.shopfed.gateway.limits.OperationLimits;

/**
 * The {@code gateway.limits.*} settings: what an operation may weigh before it is refused with HTTP 400. Each left
 * unset takes {@link OperationLimits#defaults()}; 0 (or any negative value) switches that limit off.
 *
 * @param maxDepth              deepest nesting of fields, through fragments ({@code MAX_DEPTH_LIMIT})
 * @param maxAliases            aliases after fragment expansion ({@code MAX_ALIASES_LIMIT})
 * @param maxRootFields         root fields after fragment expansion ({@code MAX_ROOT_FIELDS_LIMIT})
 * @param maxFields             fields after fragment expansion ({@code MAX_FIELDS_LIMIT})
 * @param maxDirectivesPerField directives on one field ({@code MAX_DIRECTIVES_LIMIT})
 * @param maxTokens             grammar tokens of the query text ({@code MAX_TOKENS_LIMIT})
 * @param maxOperationSize      characters of the query text ({@code MAX_OPERATION_SIZE_LIMIT})
 * @param maxVariablesSize      values plus string characters of the variables ({@code MAX_VARIABLES_SIZE_LIMIT})
 */
public record LimitsProperties(
    Integer maxDepth,
    Integer maxAliases,
    Integer maxRootFields,
    Integer maxFields,
    Integer maxDirectivesPerField,
    Integer maxTokens,
    Integer maxOperationSize,
    Integer maxVariablesSize) {

  static OperationLimits engineLimits(LimitsProperties properties) {
    OperationLimits defaults = OperationLimits.defaults();
    if (properties == null) {
      return defaults;
    }
    return new OperationLimits(
        or(properties.maxDepth, defaults.maxDepth()),
        or(properties.maxAliases, defaults.maxAliases()),
        or(properties.maxRootFields, defaults.maxRootFields()),
        or(properties.maxFields, defaults.maxFields()),
        or(properties.maxDirectivesPerField, defaults.maxDirectivesPerField()),
        or(properties.maxTokens, defaults.maxTokens()),
        or(properties.maxOperationSize, defaults.maxOperationSize()),
        or(properties.maxVariablesSize, defaults.maxVariablesSize()));
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
