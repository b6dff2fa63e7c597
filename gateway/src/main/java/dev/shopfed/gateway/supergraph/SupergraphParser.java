package dev.shopfed.gateway.supergraph;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.SchemaExtensionDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the join-spec directives (join v0.2–v0.5) of a supergraph SDL into a {@link Supergraph}. */
final class SupergraphParser {

  private final Document document;
  private final LinkedSpecs specs;
  private final Map<String, Subgraph> subgraphs = new LinkedHashMap<>();
  private final Map<String, TypeInfo> types = new LinkedHashMap<>();
  /** interface or union → graph → possible object types */
  private final Map<String, Map<String, Set<String>>> possibleTypes = new LinkedHashMap<>();

  private SupergraphParser(Document document) {
    this.document = document;
    this.specs = LinkedSpecs.of(
        document.getDefinitionsOfType(SchemaDefinition.class),
        document.getDefinitionsOfType(SchemaExtensionDefinition.class));
  }

  static Supergraph parse(String sdl) {
    Document document = parseDocument(sdl);
    SupergraphParser parser = new SupergraphParser(document);
    if (!parser.specs.links("join")) {
      throw new SupergraphException("not a supergraph: the schema does not @link the join spec (https://specs.apollo.dev/join/v0.x)");
    }
    parser.readGraphs();
    parser.readTypes();
    return new Supergraph(ApiSchemaBuilder.build(document, parser.specs), parser.subgraphs, parser.types,
        ApiSchemaBuilder.typeOrder(document, parser.specs), ApiSchemaBuilder.directiveNames(document, parser.specs),
        SpecDirectives.collect(document, parser.specs));
  }

  private static Document parseDocument(String sdl) {
    ParserOptions options = ParserOptions.getDefaultSdlParserOptions().transform(
        b -> b.maxTokens(Integer.MAX_VALUE).maxCharacters(Integer.MAX_VALUE).maxWhitespaceTokens(Integer.MAX_VALUE)
            .maxRuleDepth(Integer.MAX_VALUE).captureSourceLocation(false).captureIgnoredChars(false));
    try {
      return new Parser().parseDocument(
          ParserEnvironment.newParserEnvironment().document(sdl).parserOptions(options).build());
    } catch (RuntimeException e) {
      throw new SupergraphException("supergraph SDL does not parse: " + e.getMessage(), e);
    }
  }

  private String join(String element) {
    return specs.name("join", element);
  }

  private void readGraphs() {
    EnumTypeDefinition graphEnum = typeDefinitions().stream()
        .filter(t -> t instanceof EnumTypeDefinition && t.getName().equals(join("Graph")))
        .map(EnumTypeDefinition.class::cast)
        .findFirst()
        .orElseThrow(() -> new SupergraphException("not a supergraph: enum " + join("Graph") + " is missing"));
    for (var value : graphEnum.getEnumValueDefinitions()) {
      Directive graph = value.getDirectives(join("graph")).stream().findFirst()
          .orElseThrow(() -> new SupergraphException("graph " + value.getName() + " has no @" + join("graph")));
      subgraphs.put(value.getName(), new Subgraph(value.getName(), string(graph, "name"), string(graph, "url")));
    }
  }

  private List<TypeDefinition<?>> typeDefinitions() {
    List<TypeDefinition<?>> list = new ArrayList<>();
    for (Definition<?> d : document.getDefinitions()) {
      if (d instanceof TypeDefinition<?> t) {
        list.add(t);
      }
    }
    return list;
  }

  private void readTypes() {
    List<TypeDefinition<?>> definitions = typeDefinitions().stream()
        .filter(t -> !specs.isMachinery(t.getName()))
        .toList();
    Map<String, Set<String>> graphsOfType = new LinkedHashMap<>();
    for (TypeDefinition<?> t : definitions) {
      graphsOfType.computeIfAbsent(t.getName(), n -> new LinkedHashSet<>()).addAll(graphsOf(t));
    }
    for (TypeDefinition<?> t : definitions) {
      readPossibleTypes(t, graphsOfType);
    }
    for (TypeDefinition<?> t : definitions) {
      TypeInfo previous = types.get(t.getName());
      TypeInfo info = readType(t, graphsOfType.get(t.getName()));
      types.put(t.getName(), previous == null ? info : merge(previous, info));
    }
  }

  private Set<String> graphsOf(TypeDefinition<?> t) {
    Set<String> graphs = new LinkedHashSet<>();
    for (Directive d : directives(t, join("type"))) {
      graphs.add(enumArg(d, "graph"));
    }
    // A type without @join__type (hand-written or older supergraphs) is taken to live in every subgraph.
    return graphs.isEmpty() ? new LinkedHashSet<>(subgraphs.keySet()) : graphs;
  }

  private void readPossibleTypes(TypeDefinition<?> t, Map<String, Set<String>> graphsOfType) {
    if (t instanceof ObjectTypeDefinition object) {
      readImplements(object, graphsOfType);
    }
    if (t instanceof UnionTypeDefinition union) {
      readUnionMembers(union, graphsOfType);
    }
  }

  private void readImplements(ObjectTypeDefinition object, Map<String, Set<String>> graphsOfType) {
    List<Directive> implementsDirectives = directives(object, join("implements"));
    if (!implementsDirectives.isEmpty()) {
      for (Directive d : implementsDirectives) {
        addPossible(string(d, "interface"), enumArg(d, "graph"), object.getName());
      }
      return;
    }
    for (Type<?> i : object.getImplements()) {
      String iface = ((TypeName) i).getName();
      for (String graph : graphsOfType.getOrDefault(object.getName(), Set.of())) {
        if (graphsOfType.getOrDefault(iface, Set.of()).contains(graph)) {
          addPossible(iface, graph, object.getName());
        }
      }
    }
  }

  private void readUnionMembers(UnionTypeDefinition union, Map<String, Set<String>> graphsOfType) {
    List<Directive> members = directives(union, join("unionMember"));
    if (!members.isEmpty()) {
      members.forEach(d -> addPossible(union.getName(), enumArg(d, "graph"), string(d, "member")));
      return;
    }
    for (Type<?> m : union.getMemberTypes()) {
      String member = ((TypeName) m).getName();
      for (String graph : graphsOfType.getOrDefault(union.getName(), Set.of())) {
        if (graphsOfType.getOrDefault(member, Set.of()).contains(graph)) {
          addPossible(union.getName(), graph, member);
        }
      }
    }
  }

  private void addPossible(String abstractType, String graph, String objectType) {
    possibleTypes.computeIfAbsent(abstractType, k -> new LinkedHashMap<>())
        .computeIfAbsent(graph, k -> new LinkedHashSet<>())
        .add(objectType);
  }

  private TypeInfo readType(TypeDefinition<?> t, Set<String> graphs) {
    List<EntityKey> keys = new ArrayList<>();
    Set<String> interfaceObjectIn = new LinkedHashSet<>();
    for (Directive d : directives(t, join("type"))) {
      String graph = enumArg(d, "graph");
      String key = string(d, "key");
      if (key != null) {
        keys.add(new EntityKey(graph, FieldSets.parse(key), bool(d, "resolvable", true)));
      }
      if (bool(d, "isInterfaceObject", false)) {
        interfaceObjectIn.add(graph);
      }
    }
    Map<String, FieldInfo> fields = new LinkedHashMap<>();
    if (t instanceof ImplementingTypeDefinition<?> composite) {
      for (FieldDefinition f : composite.getFieldDefinitions()) {
        fields.put(f.getName(), readField(t.getName(), f, graphs));
      }
    }
    return new TypeInfo(t.getName(), kind(t), graphs, keys, interfaceObjectIn, fields,
        possibleTypes.getOrDefault(t.getName(), Map.of()));
  }

  private FieldInfo readField(String parentType, FieldDefinition f, Set<String> graphs) {
    List<Directive> joins = directives(f, join("field"));
    Map<String, FieldSource> sources = new LinkedHashMap<>();
    boolean graphless = false;
    for (Directive d : joins) {
      String graph = enumArg(d, "graph");
      if (graph == null) {
        graphless = true;
        continue;
      }
      sources.put(graph, new FieldSource(graph, bool(d, "external", false),
          FieldSets.parse(string(d, "requires")), FieldSets.parse(string(d, "provides")),
          string(d, "overrideLabel"), string(d, "override") != null, bool(d, "usedOverridden", false),
          typeInGraph(string(d, "type"), f), wireType(string(d, "type"), f)));
    }
    if (joins.isEmpty()) {
      for (String graph : graphs) {
        sources.put(graph, new FieldSource(graph, false, null, null, null, false, false, null, wireType(null, f)));
      }
    }
    return new FieldInfo(parentType, f.getName(), namedType(f.getType()), listDepth(f.getType()), sources, graphless && sources.isEmpty());
  }

  /** The subgraph's named type for the field, when {@code @join__field(type:)} names another one than the supergraph. */
  private static String typeInGraph(String typeArgument, FieldDefinition f) {
    if (typeArgument == null) {
      return null;
    }
    String named = typeArgument.replace("[", "").replace("]", "").replace("!", "").trim();
    return named.equals(namedType(f.getType())) ? null : named;
  }

  private static String wireType(String typeArgument, FieldDefinition f) {
    return typeArgument != null ? typeArgument.trim() : graphql.language.AstPrinter.printAstCompact(f.getType());
  }

  private static TypeInfo merge(TypeInfo a, TypeInfo b) {
    Set<String> graphs = new LinkedHashSet<>(a.graphs());
    graphs.addAll(b.graphs());
    List<EntityKey> keys = new ArrayList<>(a.keys());
    keys.addAll(b.keys());
    Set<String> interfaceObjects = new LinkedHashSet<>(a.interfaceObjectIn());
    interfaceObjects.addAll(b.interfaceObjectIn());
    Map<String, FieldInfo> fields = new LinkedHashMap<>(a.fields());
    fields.putAll(b.fields());
    return new TypeInfo(a.name(), a.kind(), graphs, keys, interfaceObjects, fields, a.possibleTypes());
  }

  private static TypeInfo.Kind kind(TypeDefinition<?> t) {
    if (t instanceof ObjectTypeDefinition) {
      return TypeInfo.Kind.OBJECT;
    }
    if (t instanceof InterfaceTypeDefinition) {
      return TypeInfo.Kind.INTERFACE;
    }
    if (t instanceof UnionTypeDefinition) {
      return TypeInfo.Kind.UNION;
    }
    if (t instanceof EnumTypeDefinition) {
      return TypeInfo.Kind.ENUM;
    }
    if (t instanceof InputObjectTypeDefinition) {
      return TypeInfo.Kind.INPUT;
    }
    if (t instanceof ScalarTypeDefinition) {
      return TypeInfo.Kind.SCALAR;
    }
    throw new SupergraphException("unsupported type definition " + t.getName());
  }

  static int listDepth(Type<?> type) {
    if (type instanceof NonNullType nn) {
      return listDepth(nn.getType());
    }
    if (type instanceof ListType list) {
      return 1 + listDepth(list.getType());
    }
    return 0;
  }

  static String namedType(Type<?> type) {
    if (type instanceof NonNullType nn) {
      return namedType(nn.getType());
    }
    if (type instanceof ListType list) {
      return namedType(list.getType());
    }
    return ((TypeName) type).getName();
  }

  private static List<Directive> directives(DirectivesContainer<?> node, String name) {
    return node.getDirectives(name);
  }

  private static String string(Directive d, String arg) {
    Argument a = d.getArgument(arg);
    return a != null && a.getValue() instanceof StringValue s ? s.getValue() : null;
  }

  private static String enumArg(Directive d, String arg) {
    Argument a = d.getArgument(arg);
    return a != null && a.getValue() instanceof EnumValue e ? e.getName() : null;
  }

  private static boolean bool(Directive d, String arg, boolean fallback) {
    Argument a = d.getArgument(arg);
    return a != null && a.getValue() instanceof BooleanValue b ? b.isValue() : fallback;
  }
}
