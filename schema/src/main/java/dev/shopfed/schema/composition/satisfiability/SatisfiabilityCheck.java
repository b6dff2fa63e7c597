package dev.shopfed.schema.composition.satisfiability;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.FieldInfo;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.JoinField;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.Kind;
import dev.shopfed.schema.composition.satisfiability.SupergraphModel.TypeInfo;
import graphql.language.Document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** Where the walk is: a type of the API schema reached through {@code path}, and the possible states. */
    private record Node(String type, Set<State> states, List<String> path) {

        String key() {
            return type + states.stream().map(State::key).sorted().collect(Collectors.joining(",", "[", "]"));
        }
    }

    private final SupergraphModel model;
    private final List<CompositionError> errors = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private final FieldResolution resolution;

    private SatisfiabilityCheck(SupergraphModel model) {
        this.model = model;
        this.resolution = new FieldResolution(model);
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
                    Advance advance = resolution.advance(type, field, state);
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
                node.states().forEach(s -> next.addAll(resolution.cast(type, object, s)));
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
