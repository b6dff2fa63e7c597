package dev.shopfed.gateway.supergraph;

import graphql.schema.GraphQLSchema;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded supergraph: the API schema clients see, plus the join metadata the planner reads. Built once per
 * supergraph SDL; every lookup the planner makes per request is a map access here.
 */
public final class Supergraph {

  private final GraphQLSchema apiSchema;
  private final Map<String, Subgraph> subgraphs;
  private final Map<String, TypeInfo> types;
  private final java.util.List<String> typeOrder;
  private final java.util.Set<String> directiveNames;

  Supergraph(GraphQLSchema apiSchema, Map<String, Subgraph> subgraphs, Map<String, TypeInfo> types,
      java.util.List<String> typeOrder, java.util.Set<String> directiveNames) {
    this.apiSchema = apiSchema;
    this.subgraphs = Map.copyOf(subgraphs);
    this.types = Map.copyOf(types);
    this.typeOrder = java.util.List.copyOf(typeOrder);
    this.directiveNames = java.util.Set.copyOf(directiveNames);
  }

  /** Directives the supergraph's API schema defines itself. */
  public java.util.Set<String> directiveNames() {
    return directiveNames;
  }

  /** The API schema's own type names in the order the supergraph defines them (introspection lists them so). */
  public java.util.List<String> typeOrder() {
    return typeOrder;
  }

  /** Parses a supergraph SDL; throws {@link SupergraphException} when it is not a valid join-spec supergraph. */
  public static Supergraph parse(String sdl) {
    return SupergraphParser.parse(sdl);
  }

  public GraphQLSchema apiSchema() {
    return apiSchema;
  }

  public Collection<Subgraph> subgraphs() {
    return subgraphs.values();
  }

  public Subgraph subgraph(String id) {
    return subgraphs.get(id);
  }

  public Optional<Subgraph> subgraphNamed(String name) {
    return subgraphs.values().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Every progressive-override label the supergraph uses. */
  public java.util.Set<String> overrideLabels() {
    java.util.Set<String> labels = new java.util.TreeSet<>();
    for (TypeInfo t : types.values()) {
      for (FieldInfo f : t.fields().values()) {
        f.sources().values().stream().map(FieldSource::overrideLabel).filter(java.util.Objects::nonNull).forEach(labels::add);
      }
    }
    return labels;
  }

  /** Names of every interface and union. */
  public java.util.Set<String> abstractTypeNames() {
    java.util.Set<String> names = new java.util.HashSet<>();
    types.values().stream().filter(TypeInfo::isAbstract).forEach(t -> names.add(t.name()));
    return names;
  }

  /** The interfaces an object type implements in some subgraph. */
  public java.util.List<TypeInfo> interfacesOf(String objectType) {
    return types.values().stream()
        .filter(t -> t.kind() == TypeInfo.Kind.INTERFACE && t.allPossibleTypes().contains(objectType))
        .toList();
  }

  public TypeInfo type(String name) {
    return types.get(name);
  }

  public FieldInfo field(String typeName, String fieldName) {
    TypeInfo type = types.get(typeName);
    return type == null ? null : type.field(fieldName);
  }

  /** A copy pointing some subgraphs (by name) at other URLs. */
  public Supergraph withSubgraphUrls(Map<String, java.net.URI> urlsByName) {
    if (urlsByName.isEmpty()) {
      return this;
    }
    Map<String, Subgraph> moved = new java.util.LinkedHashMap<>();
    for (Subgraph s : subgraphs.values()) {
      java.net.URI url = urlsByName.get(s.name());
      moved.put(s.id(), url == null ? s : new Subgraph(s.id(), s.name(), url.toString()));
    }
    return new Supergraph(apiSchema, moved, types, typeOrder, directiveNames);
  }
}
