package dev.shopfed.gateway.limits;

/**
 * What one operation weighs once its fragments are expanded. Counts saturate at {@link Long#MAX_VALUE}.
 *
 * @param name                  the operation's name, or null when it has none
 * @param depth                 deepest nesting of fields
 * @param fields                fields after fragment expansion
 * @param aliases               aliased fields after fragment expansion
 * @param rootFields            fields of the root selection after fragment expansion
 * @param maxDirectivesPerField most directives on one field, spread, inline fragment or definition
 */
public record OperationMeasure(
    String name, int depth, long fields, long aliases, long rootFields, int maxDirectivesPerField) {}
