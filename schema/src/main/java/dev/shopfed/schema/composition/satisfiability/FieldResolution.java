package dev.shopfed.schema.composition.satisfiability;

import dev.shopfed.schema.composition.satisfiability.SupergraphModel.FieldInfo;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.JoinField;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.JoinType;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.Kind;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.TypeInfo;
import dev.shopfed.schema.composition.subgraph.FieldSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the query planner can get a field from a subgraph state: in the subgraph itself (external fields only
 * where provided, {@code @requires} only when its fields can be fetched), after entity jumps through keys the
 * current subgraph can supply, through an {@code @interfaceObject}, or by asking each implementation of an
 * interface.
 */
final class FieldResolution {

    private static final int MAX_REQUIRES_DEPTH = 4;

    private final SupergraphModel model;
    private final ProvidedSelection provisions;
    private int requiresDepth;

    FieldResolution(SupergraphModel model) {
        this.model = model;
        this.provisions = new ProvidedSelection(model);
    }

    Advance advance(TypeInfo type, FieldInfo field, State state) {
        Set<State> next = new LinkedHashSet<>();
        if (local(type, field, state.graph(), state.provided())) {
            next.add(new State(state.graph(), provisions.childProvided(type, field, state.graph(), state.provided())));
        }
        List<String> reachable = reachable(type, state);
        for (String graph : reachable) {
            if (local(type, field, graph, null)) {
                next.add(new State(graph, provisions.childProvided(type, field, graph, null)));
            }
        }
        if (type.kind == Kind.OBJECT) {
            next.addAll(throughInterfaceObjects(type, field, state, reachable));
        }
        if (next.isEmpty() && type.kind == Kind.INTERFACE && type.graphs.containsKey(state.graph())
                && !type.isInterfaceObjectIn(state.graph())) {
            return throughImplementations(type, field, state);
        }
        return next.isEmpty() ? Advance.FAILED : new Advance(true, next);
    }

    /** An interface field its subgraph lacks can still be answered by asking each implementation for it. */
    private Advance throughImplementations(TypeInfo type, FieldInfo field, State state) {
        Set<State> next = new LinkedHashSet<>();
        for (TypeInfo object : model.types.values()) {
            if (!object.implementsIn.getOrDefault(state.graph(), Set.of()).contains(type.name)) {
                continue;
            }
            FieldInfo objectField = object.fields.get(field.name());
            if (objectField == null) {
                return Advance.FAILED;
            }
            Advance advance = advance(object, objectField, new State(state.graph(), provisions.narrow(state.provided(), object.name)));
            if (!advance.satisfiable()) {
                return Advance.FAILED;
            }
            next.addAll(advance.next());
        }
        return new Advance(true, next);
    }

    /** Fields an {@code @interfaceObject} provides for all implementations, reached through the interface's key. */
    private Set<State> throughInterfaceObjects(TypeInfo type, FieldInfo field, State state, List<String> reachable) {
        Set<State> next = new LinkedHashSet<>();
        List<String> from = new ArrayList<>();
        from.add(state.graph());
        from.addAll(reachable);
        model.implementations.forEach((itfName, implementing) -> {
            TypeInfo itf = model.types.get(itfName);
            FieldInfo itfField = itf == null ? null : itf.fields.get(field.name());
            if (!implementing.contains(type.name) || itfField == null) {
                return;
            }
            itf.graphs.forEach((graph, joins) -> {
                if (!itf.isInterfaceObjectIn(graph) || !local(itf, itfField, graph, null)) {
                    return;
                }
                boolean jump = joins.stream().anyMatch(j -> j.key() != null && j.resolvable()
                        && from.stream().anyMatch(g -> keyLocal(type, g, j.key(), null)));
                if (jump) {
                    next.add(new State(graph, provisions.childProvided(itf, itfField, graph, null)));
                }
            });
        });
        return next;
    }

    Set<State> cast(TypeInfo abstractType, TypeInfo object, State state) {
        String graph = state.graph();
        if (abstractType.kind == Kind.UNION) {
            boolean member = abstractType.membersIn.getOrDefault(graph, Set.of()).contains(object.name);
            return member ? Set.of(new State(graph, provisions.narrow(state.provided(), object.name))) : Set.of();
        }
        if (!abstractType.isInterfaceObjectIn(graph)) {
            boolean implemented = object.implementsIn.getOrDefault(graph, Set.of()).contains(abstractType.name);
            return implemented ? Set.of(new State(graph, provisions.narrow(state.provided(), object.name))) : Set.of();
        }
        // an interface object does not know the runtime type: a subgraph with the real interface must be asked
        Set<State> next = new LinkedHashSet<>();
        abstractType.graphs.forEach((other, joins) -> {
            if (other.equals(graph) || abstractType.isInterfaceObjectIn(other)
                    || !object.implementsIn.getOrDefault(other, Set.of()).contains(abstractType.name)) {
                return;
            }
            if (joins.stream().anyMatch(j -> j.key() != null && j.resolvable() && keyLocal(abstractType, graph, j.key(), state.provided()))) {
                next.add(new State(other, null));
            }
        });
        return next;
    }

    /** Whether subgraph {@code graph} resolves the field itself (external fields only when provided). */
    private boolean local(TypeInfo type, FieldInfo field, String graph, FieldSet provided) {
        JoinField join = model.fieldIn(type, field, graph);
        if (join == null || (join.usedOverridden() && join.overrideLabel() == null)) {
            return false;
        }
        if (join.external()) {
            return provisions.selectionFor(provided, type.name, field.name()) != null;
        }
        return join.requires() == null || canCollect(type, graph, join.requires());
    }

    /** Subgraphs reachable from the state's one by entity jumps, each key supplied by the subgraph jumped from. */
    private List<String> reachable(TypeInfo type, State state) {
        List<String> reached = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(state.graph());
        Deque<String> queue = new ArrayDeque<>(List.of(state.graph()));
        while (!queue.isEmpty()) {
            String from = queue.poll();
            FieldSet provided = from.equals(state.graph()) ? state.provided() : null;
            for (Map.Entry<String, List<JoinType>> entry : type.graphs.entrySet()) {
                String to = entry.getKey();
                if (seen.contains(to)) {
                    continue;
                }
                boolean jump = entry.getValue().stream()
                        .anyMatch(j -> j.key() != null && j.resolvable() && keyLocal(type, from, j.key(), provided));
                if (jump) {
                    seen.add(to);
                    reached.add(to);
                    queue.add(to);
                }
            }
        }
        return reached;
    }

    /** Whether subgraph {@code graph} can supply the key's fields on its own. */
    private boolean keyLocal(TypeInfo type, String graph, FieldSet key, FieldSet provided) {
        for (FieldSet.Item item : key.items()) {
            if (item.isFragment()) {
                TypeInfo condition = item.typeCondition() == null ? type : model.types.get(item.typeCondition());
                if (condition == null || !keyLocal(condition, graph, item.selection(), provided)) {
                    return false;
                }
                continue;
            }
            FieldInfo field = type.fields.get(item.field());
            JoinField join = field == null ? null : model.fieldIn(type, field, graph);
            if (join == null || (join.external() && provisions.selectionFor(provided, type.name, field.name()) == null)) {
                return false;
            }
            if (!item.selection().isEmpty()) {
                TypeInfo child = model.types.get(field.baseType());
                if (child == null || !keyLocal(child, graph, item.selection(), provisions.selectionFor(provided, type.name, field.name()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the fields a {@code @requires} asks for can be fetched, starting from subgraph {@code graph}. */
    private boolean canCollect(TypeInfo type, String graph, FieldSet selection) {
        if (requiresDepth >= MAX_REQUIRES_DEPTH) {
            return true;
        }
        requiresDepth++;
        try {
            for (FieldSet.Item item : selection.items()) {
                if (item.isFragment()) {
                    TypeInfo condition = item.typeCondition() == null ? type : model.types.get(item.typeCondition());
                    if (condition == null || !canCollect(condition, graph, item.selection())) {
                        return false;
                    }
                    continue;
                }
                FieldInfo field = type.fields.get(item.field());
                if (field == null) {
                    return false;
                }
                Advance advance = advance(type, field, new State(graph, null));
                if (!advance.satisfiable()) {
                    return false;
                }
                TypeInfo child = model.types.get(field.baseType());
                if (!item.selection().isEmpty() && child != null && !advance.next().isEmpty()
                        && advance.next().stream().noneMatch(s -> canCollect(child, s.graph(), item.selection()))) {
                    return false;
                }
            }
            return true;
        } finally {
            requiresDepth--;
        }
    }
}
