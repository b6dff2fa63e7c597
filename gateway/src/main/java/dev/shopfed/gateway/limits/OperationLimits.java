package dev.shopfed.gateway.limits;

/**
 * How large an operation may be, checked on the parsed document before validation, planning or any fetch.
 * A limit of 0 or less is switched off.
 *
 * <p>Depth counts nested field levels ({@code { a { b } }} is 2) and counts introspection like any other field:
 * the standard introspection queries reach depth 13 (graphql-java) and 15 (GraphiQL, graphql-js 16) through their
 * {@code ofType} chains, so the default leaves room for them rather than exempting {@code __schema}/{@code __type}:
 * the gateway answers introspection without graphql-java's good-faith check, and its self-referencing types nest as
 * easily as any other. The app's own operations reach depth 6, 116 fields, 2 aliases, 2 root fields, 1 directive
 * per field, 170 tokens and 1.5 K characters; GraphiQL's introspection query 230 fields and 185 tokens. Aliases
 * get more room (100) than the app needs: tooling and generated queries alias freely (the end-to-end suite's
 * seeded random queries reach 64), and max-fields bounds them anyway.
 *
 * @param maxDepth              deepest nesting of fields, through fragments
 * @param maxAliases            aliases in an operation, counted after fragment expansion
 * @param maxRootFields         fields of the root selection, counted after fragment expansion
 * @param maxFields             fields in an operation, counted after fragment expansion
 * @param maxDirectivesPerField directives on one field (or fragment spread, inline fragment, operation)
 * @param maxTokens             grammar tokens the parser reads before it gives up
 * @param maxOperationSize      characters of the query text
 * @param maxVariablesSize      size of the variables: one per value (scalar, list, object, key) plus the
 *                              characters of every string and key
 */
public record OperationLimits(
    int maxDepth,
    int maxAliases,
    int maxRootFields,
    int maxFields,
    int maxDirectivesPerField,
    int maxTokens,
    int maxOperationSize,
    int maxVariablesSize) {

  /** Let every operation of the shop app and the standard introspection queries through, with margin. */
  public static OperationLimits defaults() {
    return new OperationLimits(16, 100, 20, 1000, 10, 2000, 64 * 1024, 100_000);
  }

  /** Every limit switched off (the parser keeps graphql-java's own defaults). */
  public static OperationLimits none() {
    return new OperationLimits(0, 0, 0, 0, 0, 0, 0, 0);
  }

  static boolean on(int limit) {
    return limit > 0;
  }
}
