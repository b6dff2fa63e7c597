package dev.shopfed.gateway.planning;

import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.FieldSource;
import dev.shopfed.gateway.supergraph.Supergraph;
import dev.shopfed.gateway.supergraph.TypeInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each subgraph operation valid where the client's is: fields that share a response key in one selection set
 * must have the same response shape in the subgraph (GraphQL's "fields in set can merge"), which breaks when two union
 * members or implementations of one subgraph type a same-named field differently ({@code ID!} here, {@code ID}
 * there) while the supergraph types both alike. Every group of such fields but the first is sent under a fresh alias
 * ({@link SubgraphSelection.FieldSelection#sentAs}); {@link #renames} tells the executor how to rename the answer back.
 */
final class ResponseShapeAliases {

  private final Supergraph supergraph;
  private final String graph;

  private ResponseShapeAliases(Supergraph supergraph, String graph) {
    this.supergraph = supergraph;
    this.graph = graph;
  }

  /** A field as the subgraph sees it: its selection, and the type it is selected on. */
  private record Member(SubgraphSelection.FieldSelection field, String parentType) {}

  /** A selection set and the type it is selected on; several of them merge into one response object. */
  private record Scope(SubgraphSelection selection, String type) {}

  /** Assigns aliases in every group's operation. */
  static void assign(Supergraph supergraph, List<FetchGroup> groups, String rootType) {
    for (FetchGroup group : groups) {
      ResponseShapeAliases aliases = new ResponseShapeAliases(supergraph, group.graph);
      if (!group.isEntityFetch()) {
        aliases.resolve(List.of(new Scope(group.selection, rootType)));
        continue;
      }
      // every entity type's fragment sits in the one selection set of _entities
      List<Scope> roots = new ArrayList<>();
      group.selection.fragments().forEach((type, selection) -> roots.add(new Scope(selection, type)));
      aliases.resolve(roots);
    }
  }

  private void resolve(List<Scope> scopes) {
    Map<String, List<Member>> byKey = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    scopes.forEach(s -> collect(s.selection(), s.type(), byKey, taken));
    for (List<Member> sameKey : byKey.values()) {
      List<List<Member>> shapes = byShape(sameKey);
      for (int i = 1; i < shapes.size(); i++) {
        String alias = freshAlias(shapes.get(i).get(0).field().name, taken);
        shapes.get(i).forEach(m -> m.field().sentAs = alias);
      }
      shapes.forEach(this::resolveChildren);
    }
  }

  /** The fields of a selection set and of its fragments, by response key as sent. */
  private void collect(SubgraphSelection selection, String type, Map<String, List<Member>> byKey, Set<String> taken) {
    for (SubgraphSelection.FieldSelection f : selection.fields()) {
      byKey.computeIfAbsent(f.sentKey(), k -> new ArrayList<>()).add(new Member(f, type));
      taken.add(f.sentKey());
    }
    selection.fragments().forEach((condition, fragment) -> collect(fragment, condition, byKey, taken));
  }

  /** Fields of one response key grouped so that each group can merge: same shape, and same field where types overlap. */
  private List<List<Member>> byShape(List<Member> sameKey) {
    Map<String, List<Member>> groups = new LinkedHashMap<>();
    for (Member m : sameKey) {
      String signature = shape(m) + ' ' + m.field().name + ArgumentsText.print(m.field().arguments);
      groups.computeIfAbsent(signature, s -> new ArrayList<>()).add(m);
    }
    return List.copyOf(groups.values());
  }

  /** The selections below fields merged under one key merge too: check them as one set. */
  private void resolveChildren(List<Member> merged) {
    List<Scope> children = new ArrayList<>();
    for (Member m : merged) {
      if (m.field().children != null) {
        children.add(new Scope(m.field().children, childType(m)));
      }
    }
    if (!children.isEmpty()) {
      resolve(children);
    }
  }

  /** The type's wrappers as the subgraph declares them, with composite types as {@code *} (their fields decide). */
  private String shape(Member m) {
    FieldSource source = source(m);
    if (source == null || source.wireType() == null) {
      return "?";
    }
    String named = source.wireType().replace("[", "").replace("]", "").replace("!", "").trim();
    TypeInfo type = supergraph.type(named);
    boolean composite = type != null && (type.kind() == TypeInfo.Kind.OBJECT || type.isAbstract());
    return composite ? source.wireType().replace(named, "*") : source.wireType();
  }

  private String childType(Member m) {
    FieldInfo info = supergraph.field(m.parentType(), m.field().name);
    FieldSource source = info == null ? null : info.source(graph);
    if (source != null && source.typeInGraph() != null) {
      return source.typeInGraph();
    }
    return info == null ? m.parentType() : info.typeName();
  }

  private FieldSource source(Member m) {
    if (m.field().name.equals("__typename")) {
      return null;
    }
    FieldInfo info = supergraph.field(m.parentType(), m.field().name);
    return info == null ? null : info.source(graph);
  }

  private static String freshAlias(String name, Set<String> taken) {
    int n = 0;
    String alias;
    do {
      alias = "_" + name + "_alias" + (++n);
    } while (!taken.add(alias));
    return alias;
  }

  /** The renames that undo the aliases of one selection set, or {@link ResponseRenames#NONE}. */
  static ResponseRenames renames(SubgraphSelection selection) {
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, ResponseRenames> below = new LinkedHashMap<>();
    for (SubgraphSelection.FieldSelection f : selection.fields()) {
      if (f.sentAs != null) {
        keys.put(f.sentAs, f.responseKey);
      }
      ResponseRenames inner = f.children == null ? ResponseRenames.NONE : renames(f.children);
      if (!inner.isEmpty()) {
        below.put(f.sentKey(), inner);
      }
    }
    Map<String, ResponseRenames> byType = new LinkedHashMap<>();
    selection.fragments().forEach((type, fragment) -> {
      ResponseRenames inner = renames(fragment);
      if (!inner.isEmpty()) {
        byType.put(type, inner);
      }
    });
    ResponseRenames renames = new ResponseRenames(Map.copyOf(keys), Map.copyOf(below), Map.copyOf(byType));
    return renames.isEmpty() ? ResponseRenames.NONE : renames;
  }
}
