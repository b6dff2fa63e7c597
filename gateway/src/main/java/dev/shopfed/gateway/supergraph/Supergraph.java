package dev.shopfed.gateway.supergraph;

import graphql.schema.GraphQLSchema;
import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A loaded supergraph: the API schema clients see, plus the join metadata the planner reads. Built once per
 * supergraph SDL; every lookup the planner makes per request is a map access here.
 */
public final class Supergraph {

  private final GraphQLSchema apiSchema;
  private final Map<String, Subgraph> subgraphs;
  private final Map<String, TypeInfo> types;
  private final List<String> typeOrder;
  private final Set<String> directiveNames;
  private final List<SpecDirective> specDirectives;

  Supergraph(GraphQLSchema apiSchema, Map<String, Subgraph> subgraphs, Map<String, TypeInfo> types,
      List<String> typeOrder, Set<String> directiveNames, List<SpecDirective> specDirectives) {
    this.apiSchema = apiSchema;
    this.subgraphs = Map.copyOf(subgraphs);
    this.types = Map.copyOf(types);
    this.typeOrder = List.copyOf(typeOrder);
    this.directiveNames = Set.copyOf(directiveNames);
    this.specDirectives = List.copyOf(specDirectives);
  }

  /** The applications of one linked spec's directives ({@code cost}, {@code tag}, ...), as the spec names them. */
  public List<SpecDirective> specDirectives(String spec) {
    return specDirectives.stream().filter(d -> d.spec().equals(spec)).toList();
  }

  /** Directives the supergraph's API schema defines itself. */
  public Set<String> directiveNames() {
    return directiveNames;
  }

  /** The API schema's own type names in the order the supergraph defines them (introspection lists them so). */
  public List<String> typeOrder() {
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
  public Set<String> overrideLabels() {
    Set<String> labels = new TreeSet<>();
    for (TypeInfo t : types.values()) {
      for (FieldInfo f : t.fields().values()) {
        f.sources().values().stream().map(FieldSource::overrideLabel).filter(Objects::nonNull).forEach(labels::add);
      }
    }
    return labels;
  }

  /** Names of every interface and union. */
  public Set<String> abstractTypeNames() {
    Set<String> names = new HashSet<>();
    types.values().stream().filter(TypeInfo::isAbstract).forEach(t -> names.add(t.name()));
    return names;
  }

  /** The interfaces an object type implements in some subgraph. */
  public List<TypeInfo> interfacesOf(String objectType) {
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
  public Supergraph withSubgraphUrls(Map<String, URI> urlsByName) {
    if (urlsByName.isEmpty()) {
      return this;
    }
    Map<String, Subgraph> moved = new LinkedHashMap<>();
    for (Subgraph s : subgraphs.values()) {
      URI url = urlsByName.get(s.name());
      moved.put(s.id(), url == null ? s : new Subgraph(s.id(), s.name(), url.toString()));
    }
    return new Supergraph(apiSchema, moved, types, typeOrder, directiveNames, specDirectives);
  }
}
