package dev.shopfed.schema.composition.subgraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a field set against the types of a subgraph, reporting each selected field and each problem
 * (unknown fields, leaf/composite selection mismatches, bad type conditions) in graphql-js's words.
 */
public final class FieldSetWalk {

    /** Receives every field the set selects, on the type it is selected on. */
    public interface Visitor {
        void field(SubgraphType parent, SubgraphField field, FieldSet.Item item);
    }

    private final Map<String, SubgraphType> types;
    private final boolean includeImplementations;
    private final Visitor visitor;
    private final List<String> problems = new ArrayList<>();

    private FieldSetWalk(Map<String, SubgraphType> types, boolean includeImplementations, Visitor visitor) {
        this.types = types;
        this.includeImplementations = includeImplementations;
        this.visitor = visitor;
    }

    /** @return the problems found, empty when the set is valid on the type */
    public static List<String> walk(Map<String, SubgraphType> types, String parentType, FieldSet set,
                                    boolean includeImplementations, Visitor visitor) {
        FieldSetWalk walk = new FieldSetWalk(types, includeImplementations, visitor);
        SubgraphType parent = types.get(parentType);
        if (parent == null) {
            walk.problems.add("Unknown type \"" + parentType + "\".");
            return walk.problems;
        }
        walk.selection(parent, set);
        return walk.problems;
    }

    private void selection(SubgraphType parent, FieldSet set) {
        for (FieldSet.Item item : set.items()) {
            if (item.isFragment()) {
                fragment(parent, item);
            } else {
                field(parent, item);
            }
        }
    }

    private void fragment(SubgraphType parent, FieldSet.Item item) {
        if (item.typeCondition() == null) {
            selection(parent, item.selection());
            return;
        }
        SubgraphType condition = types.get(item.typeCondition());
        if (condition == null) {
            problems.add("Unknown type \"" + item.typeCondition() + "\".");
            return;
        }
        if (!overlaps(parent, condition)) {
            problems.add("Fragment cannot be spread here as objects of type \"" + parent.name()
                    + "\" can never be of type \"" + condition.name() + "\".");
            return;
        }
        selection(condition, item.selection());
    }

    private boolean overlaps(SubgraphType parent, SubgraphType condition) {
        if (parent.name().equals(condition.name())) {
            return true;
        }
        List<String> parentRuntime = runtimeTypes(parent);
        return runtimeTypes(condition).stream().anyMatch(parentRuntime::contains);
    }

    private List<String> runtimeTypes(SubgraphType type) {
        return switch (type.kind()) {
            case OBJECT -> List.of(type.name());
            case UNION -> type.members();
            case INTERFACE -> types.values().stream()
                    .filter(t -> t.kind() == TypeKind.OBJECT && t.interfaces().contains(type.name()))
                    .map(SubgraphType::name)
                    .toList();
            default -> List.of();
        };
    }

    private void field(SubgraphType parent, FieldSet.Item item) {
        if (!parent.kind().hasFields()) {
            problems.add("Cannot query field \"" + item.field() + "\" on type \"" + parent.name() + "\".");
            return;
        }
        SubgraphField field = parent.field(item.field()).orElse(null);
        if (field == null) {
            problems.add("Cannot query field \"" + item.field() + "\" on type \"" + parent.name() + "\"");
            return;
        }
        visitor.field(parent, field, item);
        if (includeImplementations && parent.kind() == TypeKind.INTERFACE) {
            for (String implementation : runtimeTypes(parent)) {
                SubgraphType type = types.get(implementation);
                type.field(field.name()).ifPresent(f -> visitor.field(type, f, item));
            }
        }
        SubgraphType fieldType = types.get(TypeRefs.baseName(field.type()));
        boolean composite = fieldType != null && (fieldType.kind().hasFields() || fieldType.kind() == TypeKind.UNION);
        if (composite && item.selection().isEmpty()) {
            problems.add("Field \"" + field.name() + "\" of type \"" + TypeRefs.print(field.type())
                    + "\" must have a selection of subfields. Did you mean \"" + field.name() + " { ... }\"?");
            return;
        }
        if (!composite && !item.selection().isEmpty()) {
            problems.add("Field \"" + field.name() + "\" must not have a selection since type \""
                    + TypeRefs.print(field.type()) + "\" has no subfields.");
            return;
        }
        if (composite) {
            selection(fieldType, item.selection());
        }
    }
}
