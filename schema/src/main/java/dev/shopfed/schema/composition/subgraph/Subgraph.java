package dev.shopfed.schema.composition.subgraph;

import graphql.language.DirectiveDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed Federation v2 subgraph: its types with federation directives under their spec names, plus what
 * federation derives from them (keys, external, provided, shareable and used fields).
 */
public final class Subgraph {

    private final String name;
    private final String url;
    private final Link federation;
    private final List<Link> links;
    private final Map<String, SubgraphType> types;
    private final Map<String, String> roots;
    private final Map<String, DirectiveDefinition> directiveDefinitions;
    private final List<Applied> schemaDirectives;

    private final Map<String, List<Key>> keys = new LinkedHashMap<>();
    private final Set<Coordinate> fakeExternal = new HashSet<>();
    private final Set<Coordinate> provided = new HashSet<>();
    private final Set<Coordinate> shareable = new HashSet<>();
    private final Set<Coordinate> used = new HashSet<>();

    Subgraph(String name, String url, Link federation, List<Link> links, Map<String, SubgraphType> types,
             Map<String, String> roots, Map<String, DirectiveDefinition> directiveDefinitions, List<Applied> schemaDirectives) {
        this.name = name;
        this.url = url;
        this.federation = federation;
        this.links = List.copyOf(links);
        this.types = types;
        this.roots = roots;
        this.directiveDefinitions = directiveDefinitions;
        this.schemaDirectives = List.copyOf(schemaDirectives);
        collectKeys();
        collectFakeExternals();
        collectProvided();
        collectShareable();
        collectUsed();
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public Link federation() {
        return federation;
    }

    public List<Link> links() {
        return links;
    }

    public int federationMinor() {
        return federation.minor();
    }

    public Map<String, SubgraphType> types() {
        return types;
    }

    public Optional<SubgraphType> type(String typeName) {
        return Optional.ofNullable(types.get(typeName));
    }

    public Optional<SubgraphField> field(Coordinate coordinate) {
        return type(coordinate.type()).flatMap(t -> t.field(coordinate.field()));
    }

    /** Root type name per operation kind ({@code query}, {@code mutation}, {@code subscription}). */
    public Map<String, String> roots() {
        return roots;
    }

    public boolean isRoot(String typeName) {
        return roots.containsValue(typeName);
    }

    /** Directive definitions that are not federation or link machinery. */
    public Map<String, DirectiveDefinition> directiveDefinitions() {
        return directiveDefinitions;
    }

    public List<Applied> schemaDirectives() {
        return schemaDirectives;
    }

    public List<Key> keys(String typeName) {
        return keys.getOrDefault(typeName, List.of());
    }

    public boolean isEntity(String typeName) {
        return !keys(typeName).isEmpty();
    }

    public boolean isInterfaceObject(String typeName) {
        return type(typeName).map(t -> t.kind() == TypeKind.OBJECT && t.has("interfaceObject")).orElse(false);
    }

    /** Kind as the supergraph sees it: an {@code @interfaceObject} is an interface. */
    public Optional<TypeKind> mergedKind(String typeName) {
        return type(typeName).map(t -> isInterfaceObject(typeName) ? TypeKind.INTERFACE : t.kind());
    }

    public boolean isExternal(Coordinate coordinate) {
        Optional<SubgraphType> type = type(coordinate.type());
        Optional<SubgraphField> field = field(coordinate);
        if (type.isEmpty() || field.isEmpty()) {
            return false;
        }
        boolean marked = field.get().has("external") || (type.get().kind() == TypeKind.OBJECT && type.get().has("external"));
        return marked && !fakeExternal.contains(coordinate);
    }

    /** Key fields of type extensions marked {@code @external}, which federation treats as resolvable. */
    public boolean isFakeExternal(Coordinate coordinate) {
        return fakeExternal.contains(coordinate);
    }

    public boolean isProvided(Coordinate coordinate) {
        return provided.contains(coordinate);
    }

    /** External and not provided anywhere: this subgraph never resolves the field. */
    public boolean isFullyExternal(Coordinate coordinate) {
        return isExternal(coordinate) && !provided.contains(coordinate);
    }

    public boolean isShareable(Coordinate coordinate) {
        return shareable.contains(coordinate);
    }

    /** Referenced by a key, requires, provides or to satisfy an interface. */
    public boolean isUsed(Coordinate coordinate) {
        return used.contains(coordinate);
    }

    /** Object types implementing the interface in this subgraph. */
    public List<String> implementations(String interfaceName) {
        return types.values().stream()
                .filter(t -> t.kind() == TypeKind.OBJECT && t.interfaces().contains(interfaceName))
                .map(SubgraphType::name)
                .toList();
    }

    private void collectKeys() {
        for (SubgraphType type : types.values()) {
            List<Key> typeKeys = new ArrayList<>();
            for (Applied key : type.directives("key")) {
                String fields = key.stringArgument("fields");
                if (fields == null) {
                    continue;
                }
                FieldSet selection;
                try {
                    selection = FieldSet.parse(fields);
                } catch (IllegalArgumentException e) {
                    selection = FieldSet.EMPTY;
                }
                typeKeys.add(new Key(fields, selection, key.booleanArgument("resolvable"), key.fromExtension() || type.has("extends")));
            }
            if (!typeKeys.isEmpty()) {
                keys.put(type.name(), List.copyOf(typeKeys));
            }
        }
    }

    private void collectFakeExternals() {
        keys.forEach((typeName, typeKeys) -> typeKeys.stream().filter(Key::extension).forEach(key ->
                FieldSetWalk.walk(types, typeName, key.selection(), false, (parent, field, item) -> {
                    if (field.has("external")) {
                        fakeExternal.add(new Coordinate(parent.name(), field.name()));
                    }
                })));
    }

    private void collectProvided() {
        forEachProvides((parent, field, item) -> provided.add(new Coordinate(parent.name(), field.name())));
    }

    private void forEachProvides(FieldSetWalk.Visitor visitor) {
        for (SubgraphType type : types.values()) {
            for (SubgraphField field : type.fields()) {
                field.directive("provides").ifPresent(provides -> walkDirective(provides, TypeRefs.baseName(field.type()), visitor));
            }
        }
    }

    private void walkDirective(Applied directive, String parentType, FieldSetWalk.Visitor visitor) {
        String fields = directive.stringArgument("fields");
        if (fields == null || !types.containsKey(parentType)) {
            return;
        }
        try {
            FieldSetWalk.walk(types, parentType, FieldSet.parse(fields), true, visitor);
        } catch (IllegalArgumentException e) {
            // reported by validation
        }
    }

    private void collectShareable() {
        keys.forEach((typeName, typeKeys) -> typeKeys.forEach(key ->
                FieldSetWalk.walk(types, typeName, key.selection(), true, (parent, field, item) ->
                        shareable.add(new Coordinate(parent.name(), field.name())))));
        for (SubgraphType type : types.values()) {
            if (type.kind() != TypeKind.OBJECT) {
                continue;
            }
            List<Applied> onType = type.directives("shareable");
            for (SubgraphField field : type.fields()) {
                boolean typeLevel = onType.stream().anyMatch(d -> d.fromExtension() == field.fromExtension());
                if (field.has("shareable") || typeLevel) {
                    shareable.add(new Coordinate(type.name(), field.name()));
                }
            }
        }
        forEachProvides((parent, field, item) -> {
            Coordinate coordinate = new Coordinate(parent.name(), field.name());
            if (isExternal(coordinate)) {
                shareable.add(coordinate);
            }
        });
    }

    private void collectUsed() {
        FieldSetWalk.Visitor use = (parent, field, item) -> used.add(new Coordinate(parent.name(), field.name()));
        keys.forEach((typeName, typeKeys) -> typeKeys.forEach(key -> FieldSetWalk.walk(types, typeName, key.selection(), true, use)));
        for (SubgraphType type : types.values()) {
            for (SubgraphField field : type.fields()) {
                field.directive("requires").ifPresent(requires -> walkDirective(requires, type.name(), use));
            }
        }
        forEachProvides(use);
        for (SubgraphType type : types.values()) {
            if (type.kind() != TypeKind.INTERFACE) {
                continue;
            }
            for (String implementation : implementations(type.name())) {
                SubgraphType implementing = types.get(implementation);
                type.fields().forEach(f -> implementing.field(f.name()).ifPresent(i -> used.add(new Coordinate(implementation, i.name()))));
            }
        }
    }

    @Override
    public String toString() {
        return "Subgraph[" + name + "]";
    }
}
