package dev.shopfed.gateway.cost;

import dev.shopfed.gateway.supergraph.SpecDirective;
import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The supergraph's {@code @cost} and {@code @listSize} (the cost spec, under whatever names the supergraph imports
 * them), indexed by schema coordinate.
 */
final class CostDirectives {

  private final Map<String, Integer> weights = new HashMap<>();
  private final Map<String, ListSize> listSizes = new HashMap<>();

  private CostDirectives() {}

  static CostDirectives of(Supergraph supergraph) {
    CostDirectives directives = new CostDirectives();
    for (SpecDirective d : supergraph.specDirectives("cost")) {
      if (d.name().equals("cost")) {
        directives.weights.put(d.coordinate(), integer(d.node(), "weight", 0));
      } else if (d.name().equals("listSize")) {
        directives.listSizes.put(d.coordinate(), listSize(d.node()));
      }
    }
    return directives;
  }

  /** {@code @cost} on a type, field, argument or input field, or null. */
  Integer weight(String coordinate) {
    return weights.get(coordinate);
  }

  /** The field's {@code @cost}, else its type's, as the spec resolves a field's weight. */
  Integer fieldWeight(String parentType, String field, GraphQLNamedOutputType type) {
    Integer own = weights.get(parentType + "." + field);
    return own != null ? own : weights.get(type.getName());
  }

  /** The {@code @listSize} of a field of an object type, else of the same field on one of its interfaces. */
  ListSize listSize(GraphQLObjectType type, String field) {
    ListSize own = listSizes.get(type.getName() + "." + field);
    if (own != null || listSizes.isEmpty()) {
      return own;
    }
    for (var itf : type.getInterfaces()) {
      ListSize inherited = listSizes.get(itf.getName() + "." + field);
      if (inherited != null) {
        return inherited;
      }
    }
    return null;
  }

  private static ListSize listSize(Directive d) {
    Integer assumed = d.getArgument("assumedSize") == null ? null : integer(d, "assumedSize", 0);
    List<String> slicing = d.getArgument("slicingArguments") == null ? null : strings(d.getArgument("slicingArguments").getValue());
    List<String> sized = d.getArgument("sizedFields") == null ? List.of() : strings(d.getArgument("sizedFields").getValue());
    boolean requireOne = !(d.getArgument("requireOneSlicingArgument") != null
        && d.getArgument("requireOneSlicingArgument").getValue() instanceof BooleanValue b && !b.isValue());
    return new ListSize(assumed, slicing, new LinkedHashSet<>(sized), requireOne);
  }

  private static int integer(Directive d, String argument, int fallback) {
    var a = d.getArgument(argument);
    return a != null && a.getValue() instanceof IntValue i ? i.getValue().intValue() : fallback;
  }

  private static List<String> strings(Value<?> value) {
    if (!(value instanceof ArrayValue array)) {
      return List.of();
    }
    return array.getValues().stream().filter(StringValue.class::isInstance).map(v -> ((StringValue) v).getValue()).toList();
  }
}
