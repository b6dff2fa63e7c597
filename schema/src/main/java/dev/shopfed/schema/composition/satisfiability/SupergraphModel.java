package dev.shopfed.schema.composition.satisfiability;

import dev.shopfed.schema.composition.subgraph.FieldSet;
import dev.shopfed.schema.composition.subgraph.TypeRefs;
import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the join directives of a supergraph say about each subgraph: which types and keys it has, which fields
 * it resolves, requires, provides or only references. The satisfiability check reasons on this alone.
 */
final class SupergraphModel {

    enum Kind { OBJECT, INTERFACE, UNION, LEAF }

    /** A {@code @join__type}: key null for a plain (non-entity) type. */
    record JoinType(FieldSet key, boolean resolvable, boolean interfaceObject) {
    }

    /** A {@code @join__field}; graph null for the bare one added for interface object fields. */
    record JoinField(String graph, FieldSet requires, FieldSet provides, boolean external, boolean usedOverridden, String overrideLabel) {
    }

    record FieldInfo(String name, Type<?> type, boolean inaccessible, List<JoinField> joins) {
        String baseType() {
            return TypeRefs.baseName(type);
        }
    }

    static final class TypeInfo {
        final String name;
        final Kind kind;
        final boolean inaccessible;
        final Map<String, List<JoinType>> graphs = new LinkedHashMap<>();
        final Map<String, Set<String>> implementsIn = new HashMap<>();
        final Map<String, Set<String>> membersIn = new HashMap<>();
        final Map<String, FieldInfo> fields = new LinkedHashMap<>();
        final List<String> members = new ArrayList<>();

        TypeInfo(String name, Kind kind, boolean inaccessible) {
            this.name = name;
            this.kind = kind;
            this.inaccessible = inaccessible;
        }

        boolean isInterfaceObjectIn(String graph) {
            return graphs.getOrDefault(graph, List.of()).stream().anyMatch(JoinType::interfaceObject);
        }
    }

    final Map<String, String> subgraphNames = new LinkedHashMap<>();
    final Map<String, TypeInfo> types = new LinkedHashMap<>();
    final Map<String, String> roots = new LinkedHashMap<>();
    /** Interface name to the object types implementing it in the supergraph. */
    final Map<String, Set<String>> implementations = new HashMap<>();

    static SupergraphModel of(Document supergraph) {
        SupergraphModel model = new SupergraphModel();
        for (SchemaDefinition schema : supergraph.getDefinitionsOfType(SchemaDefinition.class)) {
            for (OperationTypeDefinition root : schema.getOperationTypeDefinitions()) {
                model.roots.put(root.getName(), root.getTypeName().getName());
            }
        }
        for (TypeDefinition<?> type : supergraph.getDefinitionsOfType(TypeDefinition.class)) {
            if (type instanceof EnumTypeDefinition graphs && type.getName().equals("join__Graph")) {
                graphs.getEnumValueDefinitions().forEach(v -> v.getDirectives("join__graph").forEach(d ->
                        model.subgraphNames.put(v.getName(), string(d, "name"))));
            }
            if (type.getName().startsWith("join__") || type.getName().startsWith("link__")) {
                continue;
            }
            model.types.put(type.getName(), model.typeInfo(type));
        }
        return model;
    }

    private TypeInfo typeInfo(TypeDefinition<?> type) {
        Kind kind = type instanceof ObjectTypeDefinition ? Kind.OBJECT
                : type instanceof InterfaceTypeDefinition ? Kind.INTERFACE
                : type instanceof UnionTypeDefinition ? Kind.UNION : Kind.LEAF;
        TypeInfo info = new TypeInfo(type.getName(), kind, inaccessible(type.getDirectives()));
        for (Directive join : type.getDirectives("join__type")) {
            String key = string(join, "key");
            info.graphs.computeIfAbsent(enumArgument(join, "graph"), g -> new ArrayList<>()).add(new JoinType(
                    key == null ? null : FieldSet.parse(key), !Boolean.FALSE.equals(bool(join, "resolvable")),
                    Boolean.TRUE.equals(bool(join, "isInterfaceObject"))));
        }
        for (Directive join : type.getDirectives("join__implements")) {
            info.implementsIn.computeIfAbsent(enumArgument(join, "graph"), g -> new LinkedHashSet<>()).add(string(join, "interface"));
        }
        for (Directive join : type.getDirectives("join__unionMember")) {
            info.membersIn.computeIfAbsent(enumArgument(join, "graph"), g -> new LinkedHashSet<>()).add(string(join, "member"));
        }
        if (type instanceof UnionTypeDefinition union) {
            union.getMemberTypes().forEach(m -> info.members.add(((TypeName) m).getName()));
        }
        if (type instanceof ImplementingTypeDefinition<?> implementing) {
            for (FieldDefinition field : implementing.getFieldDefinitions()) {
                info.fields.put(field.getName(), new FieldInfo(field.getName(), field.getType(), inaccessible(field.getDirectives()),
                        field.getDirectives("join__field").stream().map(SupergraphModel::joinField).toList()));
            }
            if (type instanceof ObjectTypeDefinition) {
                implementing.getImplements().forEach(i -> implementations
                        .computeIfAbsent(((TypeName) i).getName(), k -> new LinkedHashSet<>()).add(type.getName()));
            }
        }
        return info;
    }

    private static JoinField joinField(Directive join) {
        String requires = string(join, "requires");
        String provides = string(join, "provides");
        return new JoinField(enumArgument(join, "graph"), requires == null ? null : FieldSet.parse(requires),
                provides == null ? null : FieldSet.parse(provides), Boolean.TRUE.equals(bool(join, "external")),
                Boolean.TRUE.equals(bool(join, "usedOverridden")), string(join, "overrideLabel"));
    }

    private static boolean inaccessible(List<Directive> directives) {
        return directives.stream().anyMatch(d -> d.getName().equals("inaccessible"));
    }

    private static String string(Directive directive, String name) {
        Argument argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof StringValue value ? value.getValue() : null;
    }

    private static Boolean bool(Directive directive, String name) {
        Argument argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof BooleanValue value ? value.isValue() : null;
    }

    private static String enumArgument(Directive directive, String name) {
        Argument argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof EnumValue value ? value.getName() : null;
    }

    /** The field as subgraph {@code graph} declares it, or null when that subgraph does not have it. */
    JoinField fieldIn(TypeInfo type, FieldInfo field, String graph) {
        if (field.joins().isEmpty()) {
            return type.graphs.containsKey(graph) ? new JoinField(graph, null, null, false, false, null) : null;
        }
        return field.joins().stream().filter(j -> graph.equals(j.graph())).findFirst().orElse(null);
    }
}
