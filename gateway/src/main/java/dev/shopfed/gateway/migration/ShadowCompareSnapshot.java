package dev.shopfed.gateway.migration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shadow compare's record since the engine started, for the migration report. Immutable.
 *
 * @param settings        the settings it runs with
 * @param inFlight        shadow executions running right now
 * @param skippedInFlight shadowed queries skipped because {@code max-in-flight} executions were already running
 * @param skippedBudget   shadowed queries skipped because the {@code per-second} budget was spent
 * @param fields          per overridden field coordinate ({@code Type.field}) of the supergraph, in name order
 * @param mismatches      the most recently seen distinct mismatches, newest first, at most {@link #SAMPLE_SIZE}
 */
public record ShadowCompareSnapshot(
    ShadowCompareOptions settings,
    int inFlight,
    long skippedInFlight,
    long skippedBudget,
    Map<String, FieldCounts> fields,
    List<Mismatch> mismatches) {

  public static final int SAMPLE_SIZE = 50;

  /**
   * One overridden field's counts. Each shadowed query that selects the field counts once, in exactly one of
   * compared, failed or skipped; mismatched is the part of compared where some value differed.
   *
   * @param label      its progressive-override label
   * @param compared   both answers complete and compared
   * @param mismatched compared, and a value at one of its paths differed
   * @param failed     the shadow execution failed (a subgraph error, a timeout): never a mismatch
   * @param skipped    not run: too many in flight or the budget spent
   */
  public record FieldCounts(String label, long compared, long mismatched, long failed, long skipped) {}

  /**
   * One distinct disagreement: the same field at the same path with the same two values (by hash) counts once here
   * however often it is seen.
   *
   * @param field       the field coordinate
   * @param path        the response path, as in GraphQL errors (keys and list indices; aliases as the client named
   *                    them)
   * @param client      what the client was answered
   * @param shadow      what the other owner answered
   * @param differences where, relative to the field, the two differ ({@code []}: the value itself)
   * @param count       how often it was seen
   * @param firstSeen   when first seen
   * @param lastSeen    when last seen
   */
  public record Mismatch(String field, List<Object> path, Side client, Side shadow, List<List<Object>> differences,
      long count, Instant firstSeen, Instant lastSeen) {}

  /**
   * One answer's side of a mismatch; never the value itself.
   *
   * @param subgraph the subgraph that served the field on this side (the label on or off)
   * @param sha256   the SHA-256 of the value's JSON, hex
   * @param shape    the value redacted: structure and types kept, strings as {@code "string(<length>)"}, numbers
   *                 as {@code "number"}, booleans as {@code "boolean"}
   */
  public record Side(String subgraph, String sha256, Object shape) {}
}
