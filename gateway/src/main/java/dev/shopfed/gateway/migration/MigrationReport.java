package dev.shopfed.gateway.migration;

import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.FieldSource;
import dev.shopfed.gateway.supergraph.Supergraph;
import dev.shopfed.gateway.supergraph.TypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * How far the migration is: every field of the API with the subgraphs that serve it; for each field under
 * progressive override its label, the share of requests the label is on for, the requests each owner served and
 * what shadow compare found; and "migrated" by fields (overridden fields whose label is at 100 %) and by traffic
 * (requests for overridden fields that the new owner served).
 */
public record MigrationReport(List<FieldRow> fields, Summary summary, ShadowCompareSnapshot shadow) {

  /** The same report with the shadow compare's settings, counts and sample of mismatches. */
  public MigrationReport withShadow(ShadowCompareSnapshot snapshot) {
    return new MigrationReport(fields, summary, snapshot);
  }

  /** A field of the API; {@code override} is null for a field no label moves. */
  public record FieldRow(String field, List<String> servedBy, Override override) {}

  /**
   * @param percent    the share of requests the label is on for
   * @param traffic    requests served since start, per subgraph name
   * @param compared   shadow comparisons made
   * @param mismatched comparisons whose answers differed
   */
  public record Override(String label, String from, String to, double percent, Map<String, Long> traffic,
      long compared, long mismatched) {

    public double mismatchRate() {
      return compared == 0 ? 0 : round(100.0 * mismatched / compared);
    }
  }

  /** What shadow compare found for one field. */
  public record Comparisons(long compared, long mismatched) {

    public static final Comparisons NONE = new Comparisons(0, 0);
  }

  public record Summary(int fields, int overridden, int migrated, double migratedByFieldsPercent,
      long requests, long requestsToNewOwner, double migratedByTrafficPercent) {}

  /**
   * @param share       the percent of requests a label is on for
   * @param comparisons what shadow compare found per field coordinate
   */
  public static MigrationReport of(Supergraph supergraph, OverriddenFields overridden, FieldTraffic traffic,
      ToDoubleFunction<String> share, Function<String, Comparisons> comparisons) {
    Map<String, Map<String, Long>> served = traffic.snapshot();
    List<FieldRow> rows = new ArrayList<>();
    Map<String, OverriddenField> moving = new java.util.HashMap<>();
    overridden.all().forEach(f -> moving.put(f.coordinate(), f));
    int migrated = 0;
    long requests = 0;
    long toNewOwner = 0;
    for (String typeName : supergraph.typeOrder()) {
      TypeInfo type = supergraph.type(typeName);
      if (type == null || type.fields() == null || type.kind() != TypeInfo.Kind.OBJECT) {
        continue;
      }
      for (FieldInfo field : type.fields().values()) {
        String coordinate = typeName + "." + field.name();
        OverriddenField move = moving.get(coordinate);
        Override override = null;
        if (move != null) {
          Map<String, Long> byOwner = served.getOrDefault(coordinate, Map.of());
          Comparisons found = comparisons.apply(coordinate);
          override = new Override(move.label(), move.from(), move.to(), share.applyAsDouble(move.label()), byOwner,
              found.compared(), found.mismatched());
          migrated += override.percent() >= 100 ? 1 : 0;
          requests += byOwner.values().stream().mapToLong(Long::longValue).sum();
          toNewOwner += byOwner.getOrDefault(move.to(), 0L);
        }
        rows.add(new FieldRow(coordinate, servedBy(supergraph, field), override));
      }
    }
    int moves = moving.size();
    Summary summary = new Summary(rows.size(), moves, migrated, moves == 0 ? 0 : round(100.0 * migrated / moves),
        requests, toNewOwner, requests == 0 ? 0 : round(100.0 * toNewOwner / requests));
    return new MigrationReport(List.copyOf(rows), summary, null);
  }

  private static List<String> servedBy(Supergraph supergraph, FieldInfo field) {
    Set<String> names = new TreeSet<>();
    for (FieldSource source : field.sources().values()) {
      if (!source.external() && !source.usedOverridden()) {
        names.add(supergraph.subgraph(source.graph()).name());
      }
    }
    return List.copyOf(names);
  }

  private static double round(double percent) {
    return Math.round(percent * 10) / 10.0;
  }
}
