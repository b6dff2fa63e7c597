package dev.shopfed.schema.composition.satisfiability;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.FieldSet;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.FieldInfo;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.JoinField;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.JoinType;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.Kind;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.TypeInfo;
import graphql.language.Document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every field of the API schema must be reachable from the roots through the subgraphs. Walks the schema from
 * the root types; for each path it tracks every subgraph the query planner could be in (with what a
 * {@code @provides} made available there) and checks each field can be resolved from at least one of them,
 * locally or after entity jumps through keys whose fields the current subgraph can supply.
 */
public final class SatisfiabilityCheck {

    private static final int MAX_NODES = 200_000;
    private static final int MAX_REQUIRES_DEPTH = 4;

    /** A subgraph the planner can be in, and what it was told to provide below this point (or null). */
    private record State(String graph, FieldSet provided) {

        String key() {
            return graph + (provided == null ? "" : "{" + provided.print() + "}");
        }
    }

    /** Where the walk is: a type of the API schema reached through {@code path}, and the possible states. */
    private record Node(String type, Set<State> states, List<String> path) {

        String key() {
            return type + states.stream().map(State::key).sorted().collect(Collectors.joining(",", "[", "]"));
        }
    }

    /** Result of advancing to a field: satisfiable with the states it leads to (possibly none when dead). */
    private record Advance(boolean satisfiable, Set<State> next) {
        static final Advance FAILED = new Advance(false, Set.of());
    }

    private final SupergraphModel model;
    private final List<CompositionError> errors = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private int requiresDepth;

    private SatisfiabilityCheck(SupergraphModel model) {
        this.model = model;
    }

    public static List<CompositionError> check(Document supergraph) {
        SatisfiabilityCheck check = new SatisfiabilityCheck(SupergraphModel.of(supergraph));
        check.walk();
        return check.errors;
    }

    private void walk() {
        Deque<Node> queue = new ArrayDeque<>();
        model.roots.forEach((operation, root) -> {
            TypeInfo type = model.types.get(root);
            if (type == null) {
                return;
            }
            Set<State> states = new LinkedHashSet<>();
            type.graphs.keySet().forEach(g -> states.add(new State(g, null)));
            queue.add(new Node(root, states, List.of(operation)));
        });
        Set<String> visited = new HashSet<>();
        while (!queue.isEmpty() && visited.size() < MAX_NODES) {
            Node node = queue.poll();
            if (visited.add(node.key())) {
                visit(node, queue);
            }
        }
    }

    private void visit(Node node, Deque<Node> queue) {
        TypeInfo type = model.types.get(node.type());
        if (type == null || type.inaccessible) {
            return;
        }
        if (type.kind == Kind.OBJECT || type.kind == Kind.INTERFACE) {
            for (FieldInfo field : type.fields.values()) {
                if (field.inaccessible()) {
                    continue;
                }
                Set<State> next = new LinkedHashSet<>();
                boolean satisfiable = false;
                for (State state : node.states()) {
                    Advance advance = advance(type, field, state);
                    satisfiable |= advance.satisfiable();
                    next.addAll(advance.next());
                }
                if (!satisfiable) {
                    report(node, type, field);
                    continue;
                }
                TypeInfo target = model.types.get(field.baseType());
                if (target != null && target.kind != Kind.LEAF && !next.isEmpty()) {
                    queue.add(new Node(target.name, next, append(node.path(), field.name())));
                }
            }
        }
        if (type.kind == Kind.INTERFACE || type.kind == Kind.UNION) {
            for (String runtime : possibleTypes(type)) {
                TypeInfo object = model.types.get(runtime);
                if (object == null || object.inaccessible) {
                    continue;
                }
                Set<State> next = new LinkedHashSet<>();
                node.states().forEach(s -> next.addAll(cast(type, object, s)));
                if (!next.isEmpty()) {
                    queue.add(new Node(runtime, next, append(node.path(), "... on " + runtime)));
                }
            }
        }
    }

    private static List<String> append(List<String> path, String element) {
        List<String> extended = new ArrayList<>(path);
        extended.add(element);
        return extended;
    }

    private List<String> possibleTypes(TypeInfo type) {
        if (type.kind == Kind.UNION) {
            return type.members;
        }
        return new ArrayList<>(model.implementations.getOrDefault(type.name, Set.of()));
    }

    private Advance advance(TypeInfo type, FieldInfo field, State state) {
        Set<State> next = new LinkedHashSet<>();
        if (local(type, field, state.graph(), state.provided())) {
            next.add(new State(state.graph(), childProvided(type, field, state.graph(), state.provided())));
        }
        List<String> reachable = reachable(type, state);
        for (String graph : reachable) {
            if (local(type, field, graph, null)) {
                next.add(new State(graph, childProvided(type, field, graph, null)));
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
            Advance advance = advance(object, objectField, new State(state.graph(), narrow(state.provided(), object.name)));
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
                    next.add(new State(graph, childProvided(itf, itfField, graph, null)));
                }
            });
        });
        return next;
    }

    private Set<State> cast(TypeInfo abstractType, TypeInfo object, State state) {
        String graph = state.graph();
        if (abstractType.kind == Kind.UNION) {
            boolean member = abstractType.membersIn.getOrDefault(graph, Set.of()).contains(object.name);
            return member ? Set.of(new State(graph, narrow(state.provided(), object.name))) : Set.of();
        }
        if (!abstractType.isInterfaceObjectIn(graph)) {
            boolean implemented = object.implementsIn.getOrDefault(graph, Set.of()).contains(abstractType.name);
            return implemented ? Set.of(new State(graph, narrow(state.provided(), object.name))) : Set.of();
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
            return selectionFor(provided, type.name, field.name()) != null;
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
            if (join == null || (join.external() && selectionFor(provided, type.name, field.name()) == null)) {
                return false;
            }
            if (!item.selection().isEmpty()) {
                TypeInfo child = model.types.get(field.baseType());
                if (child == null || !keyLocal(child, graph, item.selection(), selectionFor(provided, type.name, field.name()))) {
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

    private FieldSet childProvided(TypeInfo type, FieldInfo field, String graph, FieldSet provided) {
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
    private FieldSet selectionFor(FieldSet provided, String type, String field) {
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
    private FieldSet narrow(FieldSet provided, String object) {
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

    private boolean applies(String condition, String type) {
        if (condition == null || condition.equals(type)) {
            return true;
        }
        TypeInfo conditionType = model.types.get(condition);
        if (conditionType == null) {
            return false;
        }
        return conditionType.members.contains(type) || model.implementations.getOrDefault(condition, Set.of()).contains(type);
    }

    private void report(Node node, TypeInfo type, FieldInfo field) {
        if (!reported.add(type.name + "." + field.name())) {
            return;
        }
        List<String> subgraphs = new ArrayList<>();
        StringBuilder reasons = new StringBuilder();
        for (State state : node.states()) {
            String subgraph = model.subgraphNames.getOrDefault(state.graph(), state.graph());
            if (!subgraphs.contains(subgraph)) {
                subgraphs.add(subgraph);
            }
            reasons.append("\n- from subgraph \"").append(subgraph).append("\": ").append(reason(type, field, state.graph()));
        }
        String message = "The following supergraph API query:\n" + query(node.path(), field.name())
                + "\ncannot be satisfied by the subgraphs because:" + reasons;
        errors.add(new CompositionError("SATISFIABILITY_ERROR", message, subgraphs, type.name, field.name()));
    }

    private String reason(TypeInfo type, FieldInfo field, String graph) {
        JoinField join = model.fieldIn(type, field, graph);
        String coordinate = "\"" + type.name + "." + field.name() + "\"";
        if (join == null) {
            return "cannot find field " + coordinate + " and cannot move to a subgraph that has it through a key it can supply.";
        }
        if (join.external() || join.usedOverridden()) {
            return "field " + coordinate + " is not resolvable there (external or overridden) and no key it can supply reaches "
                    + "a subgraph resolving it.";
        }
        return "cannot satisfy @requires(fields: \"" + join.requires().print() + "\") of field " + coordinate + ".";
    }

    private static String query(List<String> path, String field) {
        StringBuilder query = new StringBuilder();
        String operation = path.get(0);
        query.append(operation.equals("query") ? "" : operation + " ").append("{\n");
        String indent = "  ";
        for (String element : path.subList(1, path.size())) {
            query.append(indent).append(element).append(" {\n");
            indent += "  ";
        }
        query.append(indent).append(field).append(" ...\n");
        for (int i = path.size() - 1; i >= 1; i--) {
            query.append("  ".repeat(i)).append("}\n");
        }
        return query.append("}").toString();
    }
}
