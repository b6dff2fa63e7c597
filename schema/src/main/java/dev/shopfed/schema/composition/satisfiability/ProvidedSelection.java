package dev.shopfed.schema.composition.satisfiability;

import dev.shopfed.schema.composition.satisfiability.SupergraphModel.FieldInfo;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.JoinField;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.TypeInfo;
import dev.shopfed.schema.composition.subgraph.FieldSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code @provides} selections make available as the walk goes down fields and narrows abstract types:
 * an external field can be read where it was provided.
 */
final class ProvidedSelection {

    private final SupergraphModel model;

    ProvidedSelection(SupergraphModel model) {
        this.model = model;
    }

    FieldSet childProvided(TypeInfo type, FieldInfo field, String graph, FieldSet provided) {
        JoinField join = model.fieldIn(type, field, graph);
        FieldSet fromProvides = join == null ? null : join.provides();
        FieldSet inherited = selectionFor(provided, type.name, field.name());
        if (fromProvides == null) {
            return inherited == null || inherited.isEmpty() ? null : inherited;
        }
        if (inherited == null || inherited.isEmpty()) {
            return fromProvides;
        }
        List<FieldSet.Item> items = new ArrayList<>(fromProvides.items());
        items.addAll(inherited.items());
        return new FieldSet(items);
    }

    /** What a provided selection selects under a field of a type, or null when it does not select the field. */
    FieldSet selectionFor(FieldSet provided, String type, String field) {
        if (provided == null) {
            return null;
        }
        List<FieldSet.Item> items = new ArrayList<>();
        boolean found = false;
        for (FieldSet.Item item : provided.items()) {
            if (field.equals(item.field())) {
                found = true;
                items.addAll(item.selection().items());
            } else if (item.isFragment() && applies(item.typeCondition(), type)) {
                FieldSet nested = selectionFor(item.selection(), type, field);
                if (nested != null) {
                    found = true;
                    items.addAll(nested.items());
                }
            }
        }
        return found ? new FieldSet(items) : null;
    }

    /** The part of a provided selection that applies once the runtime type is known. */
    FieldSet narrow(FieldSet provided, String object) {
        if (provided == null) {
            return null;
        }
        List<FieldSet.Item> items = new ArrayList<>();
        for (FieldSet.Item item : provided.items()) {
            if (!item.isFragment()) {
                items.add(item);
            } else if (applies(item.typeCondition(), object)) {
                items.addAll(item.selection().items());
            }
        }
        return items.isEmpty() ? null : new FieldSet(items);
    }

    boolean applies(String condition, String type) {
        if (condition == null || condition.equals(type)) {
            return true;
        }
        TypeInfo conditionType = model.types.get(condition);
        if (conditionType == null) {
            return false;
        }
        return conditionType.members.contains(type) || model.implementations.getOrDefault(condition, Set.of()).contains(type);
    }
}
