package dev.shopfed.gateway.migration;

import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.FieldSource;
import dev.shopfed.gateway.supergraph.Supergraph;
import dev.shopfed.gateway.supergraph.TypeInfo;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The supergraph's fields under progressive override, and which of them an operation asks for. */
public final class OverriddenFields {

  private final Map<String, OverriddenField> byCoordinate = new LinkedHashMap<>();

  private OverriddenFields() {}

  public static OverriddenFields of(Supergraph supergraph) {
    OverriddenFields fields = new OverriddenFields();
    for (String typeName : supergraph.typeOrder()) {
      TypeInfo type = supergraph.type(typeName);
      if (type == null || type.fields() == null) {
        continue;
      }
      for (FieldInfo field : type.fields().values()) {
        fields.add(supergraph, typeName + "." + field.name(), field);
      }
    }
    return fields;
  }

  private void add(Supergraph supergraph, String coordinate, FieldInfo field) {
    String label = null;
    String from = null;
    String to = null;
    for (FieldSource source : field.sources().values()) {
      if (source.overrideLabel() == null) {
        continue;
      }
      label = source.overrideLabel();
      String name = supergraph.subgraph(source.graph()).name();
      if (source.overriding()) {
        to = name;
      } else {
        from = name;
      }
    }
    if (label != null && from != null && to != null) {
      byCoordinate.put(coordinate, new OverriddenField(coordinate, label, from, to));
    }
  }

  public List<OverriddenField> all() {
    return List.copyOf(byCoordinate.values());
  }

  public boolean isEmpty() {
    return byCoordinate.isEmpty();
  }

  /** The overridden fields the operation selects, once each. */
  public List<OverriddenField> selectedBy(ExecutableNormalizedOperation operation) {
    if (byCoordinate.isEmpty()) {
      return List.of();
    }
    Map<String, OverriddenField> found = new LinkedHashMap<>();
    List<ExecutableNormalizedField> pending = new ArrayList<>(operation.getTopLevelFields());
    while (!pending.isEmpty()) {
      ExecutableNormalizedField field = pending.remove(pending.size() - 1);
      for (String typeName : field.getObjectTypeNames()) {
        OverriddenField overridden = byCoordinate.get(typeName + "." + field.getName());
        if (overridden != null) {
          found.putIfAbsent(overridden.coordinate(), overridden);
        }
      }
      pending.addAll(field.getChildren());
    }
    return List.copyOf(found.values());
  }
}
