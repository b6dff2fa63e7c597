package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.subgraph.TypeRefs;
import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.print.ValuePrinter;
import dev.shopfed.schema.composition.subgraph.Coordinate;
import dev.shopfed.schema.composition.subgraph.FieldSet;
import dev.shopfed.schema.composition.subgraph.FieldSetWalk;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Validates the {@code fields:} of a {@code @key}, {@code @requires} or {@code @provides}, reporting with the
 * directive's error codes ({@code KEY_INVALID_FIELDS}, {@code REQUIRES_FIELDS_MISSING_EXTERNAL}, ...).
 */
final class FieldSetCheck {

    private final Subgraph subgraph;
    private final String directive;
    private final String target;
    private final String fields;
    private final String type;
    private final String field;
    private final List<CompositionError> errors = new ArrayList<>();

    /** Leaves of {@code @requires}/{@code @provides} must be external; key leaves need not. */
    boolean leavesMustBeExternal = true;
    boolean argumentsAllowed;
    /** Extra per-field check; returns an error message or null. */
    BiFunction<SubgraphType, SubgraphField, String> fieldCheck = (t, f) -> null;
    String fieldCheckCode;

    FieldSetCheck(Subgraph subgraph, String directive, String fields, String type, String field) {
        this.subgraph = subgraph;
        this.directive = directive;
        this.fields = fields;
        this.type = type;
        this.field = field;
        this.target = field == null ? "type \"" + type + "\"" : "field \"" + type + "." + field + "\"";
    }

    private String code(String suffix) {
        return directive.toUpperCase() + "_" + suffix;
    }

    private void add(String code, String message) {
        errors.add(SubgraphRule.error(subgraph, code, "On " + target + ", for @" + directive + "(fields: "
                + ValuePrinter.quote(fields) + "): " + message, type, field));
    }

    List<CompositionError> check(String parentType) {
        FieldSet set;
        try {
            set = FieldSet.parse(fields);
        } catch (IllegalArgumentException e) {
            add(code("INVALID_FIELDS"), e.getMessage());
            return errors;
        }
        List<String> problems = FieldSetWalk.walk(subgraph.types(), parentType, set, false, (parent, selected, item) -> {
        });
        if (!problems.isEmpty()) {
            problems.forEach(p -> add(code("INVALID_FIELDS"), p));
            return errors;
        }
        visit(subgraph.types().get(parentType), set, false);
        return errors;
    }

    private void visit(SubgraphType parent, FieldSet set, boolean externalInParents) {
        for (FieldSet.Item item : set.items()) {
            if (item.hasDirectives()) {
                add(code("DIRECTIVE_IN_FIELDS_ARG"), "cannot have directive applications in the @" + directive + "(fields:) argument.");
            }
            if (item.isFragment()) {
                SubgraphType condition = item.typeCondition() == null ? parent : subgraph.types().get(item.typeCondition());
                visit(condition, item.selection(), externalInParents);
                continue;
            }
            SubgraphField selected = parent.field(item.field()).orElseThrow();
            Coordinate coordinate = new Coordinate(parent.name(), selected.name());
            String extra = fieldCheck.apply(parent, selected);
            if (extra != null) {
                add(fieldCheckCode, extra);
            }
            if (!argumentsAllowed && !selected.arguments().isEmpty()) {
                add(code("FIELDS_HAS_ARGS"), "field " + coordinate + " cannot be included because it has arguments "
                        + "(fields with argument are not allowed in @" + directive + ")");
            }
            boolean external = subgraph.isExternal(coordinate);
            if (leavesMustBeExternal && item.selection().isEmpty() && !externalInParents && !external) {
                add(code("FIELDS_MISSING_EXTERNAL"), missingExternal(coordinate));
            }
            if (!item.selection().isEmpty()) {
                boolean externalBelow = externalInParents || external || hasExternalImplementation(parent, selected);
                visit(subgraph.types().get(TypeRefs.baseName(selected.type())),
                        item.selection(), externalBelow);
            }
        }
    }

    private boolean hasExternalImplementation(SubgraphType parent, SubgraphField selected) {
        if (parent.kind() != TypeKind.INTERFACE) {
            return false;
        }
        return subgraph.implementations(parent.name()).stream()
                .anyMatch(i -> subgraph.isExternal(new Coordinate(i, selected.name())));
    }

    private String missingExternal(Coordinate coordinate) {
        if (subgraph.isFakeExternal(coordinate)) {
            return "field \"" + coordinate + "\" should not be part of a @" + directive + " since it is already \"effectively\" "
                    + "provided by this subgraph (while it is marked @external, it is a @key field of an extension type, "
                    + "which are not internally considered external for historical/backward compatibility reasons)";
        }
        return "field \"" + coordinate + "\" should not be part of a @" + directive
                + " since it is already provided by this subgraph (it is not marked @external)";
    }
}
