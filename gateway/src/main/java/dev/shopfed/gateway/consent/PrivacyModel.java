package dev.shopfed.gateway.consent;

import dev.shopfed.gateway.supergraph.EntityKey;
import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.FieldSource;
import dev.shopfed.gateway.supergraph.SpecDirective;
import dev.shopfed.gateway.supergraph.Supergraph;
import dev.shopfed.gateway.supergraph.TypeInfo;
import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Field;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The supergraph's privacy directives ({@code @personalData}, {@code @consentPurpose} of {@link #SPEC}) and every flow
 * of classified data between subgraphs that a plan can cause: required selections and entity keys.
 */
public final class PrivacyModel {

  /** The privacy spec's url without its version. */
  public static final String SPEC = "https://shopfed.dev/privacy";

  private final Supergraph supergraph;
  private final Map<String, Classification> classified = new HashMap<>();
  private final Map<String, String> purposes = new HashMap<>();
  private final List<DataFlow> flows = new ArrayList<>();

  private PrivacyModel(Supergraph supergraph) {
    this.supergraph = supergraph;
  }

  public static PrivacyModel of(Supergraph supergraph) {
    PrivacyModel model = new PrivacyModel(supergraph);
    for (SpecDirective d : supergraph.specDirectives(SPEC)) {
      if (d.name().equals("personalData")) {
        model.classified.put(d.coordinate(), new Classification(string(d, "category"), flag(d, "confined")));
      } else if (d.name().equals("consentPurpose")) {
        model.purposes.put(d.coordinate(), string(d, "name"));
      }
    }
    if (!model.classified.isEmpty()) {
      model.collectFlows();
    }
    return model;
  }

  public boolean isEmpty() {
    return flows.isEmpty();
  }

  public List<DataFlow> flows() {
    return List.copyOf(flows);
  }

  /** Every purpose some flow declares. */
  public Set<String> purposes() {
    return flows.stream().map(DataFlow::purpose).filter(p -> p != null).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The flows a requiring field ({@code Type.field}) causes. */
  public List<DataFlow> flowsVia(String coordinate) {
    return flows.stream().filter(f -> f.via().equals(coordinate)).toList();
  }

  /** Whether any flow comes from an entity key, which any entity fetch can carry. */
  public boolean hasKeyFlows() {
    return flows.stream().anyMatch(f -> f.via().equals(DataFlow.KEY));
  }

  /** The field's own classification, else its type's; null when it is not personal data. */
  public Classification classification(String typeName, String fieldName) {
    Classification own = classified.get(typeName + "." + fieldName);
    return own != null ? own : classified.get(typeName);
  }

  /** The names of the subgraphs that resolve the field themselves. */
  public Set<String> owners(String typeName, String fieldName) {
    FieldInfo field = supergraph.field(typeName, fieldName);
    Set<String> owners = new TreeSet<>();
    if (field == null) {
      return owners;
    }
    for (FieldSource source : field.sources().values()) {
      if (!source.external()) {
        owners.add(supergraph.subgraph(source.graph()).name());
      }
    }
    return owners;
  }

  private void collectFlows() {
    for (String typeName : supergraph.typeOrder()) {
      TypeInfo type = supergraph.type(typeName);
      if (type == null || type.fields() == null) {
        continue;
      }
      for (FieldInfo field : type.fields().values()) {
        for (FieldSource source : field.sources().values()) {
          if (source.requires() != null) {
            String via = typeName + "." + field.name();
            walk(typeName, source.requires(), typeName, null, Set.of(), graphName(source.graph()),
                purposes.get(via), via);
          }
        }
      }
      for (EntityKey key : type.keys()) {
        if (key.resolvable()) {
          walk(typeName, key.fields(), typeName, null, Set.of(), graphName(key.graph()), purposes.get(typeName),
              DataFlow.KEY);
        }
      }
    }
  }

  /**
   * Records a flow for each classified leaf of the selection, from the subgraphs that resolve it (those of its
   * classified ancestor for a leaf below a classified field) other than {@code to}.
   */
  private void walk(String typeName, SelectionSet selection, String path, Classification inherited,
      Set<String> inheritedOwners, String to, String purpose, String via) {
    for (Field field : selection.getSelectionsOfType(Field.class)) {
      Classification own = classification(typeName, field.getName());
      Classification effective = own != null ? own : inherited;
      Set<String> owners = own != null ? owners(typeName, field.getName()) : inheritedOwners;
      String fieldPath = path + "." + field.getName();
      FieldInfo info = supergraph.field(typeName, field.getName());
      if (field.getSelectionSet() != null && info != null) {
        walk(info.typeName(), field.getSelectionSet(), fieldPath, effective, owners, to, purpose, via);
        continue;
      }
      Set<String> from = new TreeSet<>(owners);
      from.remove(to);
      if (effective != null && !from.isEmpty()) {
        flows.add(new DataFlow(fieldPath, effective.category(), effective.confined(), String.join(",", from), to,
            purpose, via));
      }
    }
  }

  private String graphName(String graph) {
    return supergraph.subgraph(graph).name();
  }

  private static String string(SpecDirective d, String argument) {
    Argument a = d.node().getArgument(argument);
    return a != null && a.getValue() instanceof StringValue s ? s.getValue() : null;
  }

  private static boolean flag(SpecDirective d, String argument) {
    Argument a = d.node().getArgument(argument);
    return a != null && a.getValue() instanceof BooleanValue b && b.isValue();
  }
}
