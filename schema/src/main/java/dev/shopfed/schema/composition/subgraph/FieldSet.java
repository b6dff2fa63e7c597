package dev.shopfed.schema.composition.subgraph;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The selection of a {@code @key}, {@code @requires} or {@code @provides} {@code fields:} argument.
 */
public record FieldSet(List<Item> items) {

    /**
     * A field (with its sub-selection, possibly empty) or an inline fragment (field null).
     */
    public record Item(String field, String typeCondition, FieldSet selection, boolean hasArguments,
                       boolean hasDirectives, boolean hasAlias) {

        public boolean isFragment() {
            return field == null;
        }

        String print() {
            String sub = selection.items.isEmpty() ? "" : " { " + selection.print() + " }";
            if (isFragment()) {
                return "..." + (typeCondition == null ? "" : " on " + typeCondition) + sub;
            }
            return field + sub;
        }
    }

    public static final FieldSet EMPTY = new FieldSet(List.of());

    /** @throws IllegalArgumentException when the text is not a selection */
    public static FieldSet parse(String text) {
        try {
            OperationDefinition operation = Parser.parse("{" + text + "}").getDefinitionsOfType(OperationDefinition.class).get(0);
            return of(operation.getSelectionSet());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid selection \"" + text + "\": " + e.getMessage(), e);
        }
    }

    private static FieldSet of(SelectionSet selectionSet) {
        if (selectionSet == null) {
            return EMPTY;
        }
        List<Item> items = new ArrayList<>();
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                items.add(new Item(field.getName(), null, of(field.getSelectionSet()), !field.getArguments().isEmpty(),
                        !field.getDirectives().isEmpty(), field.getAlias() != null));
            } else if (selection instanceof InlineFragment fragment) {
                String condition = fragment.getTypeCondition() == null ? null : fragment.getTypeCondition().getName();
                items.add(new Item(null, condition, of(fragment.getSelectionSet()), false, !fragment.getDirectives().isEmpty(), false));
            } else {
                throw new IllegalArgumentException("fragment spreads are not allowed in a field set");
            }
        }
        return new FieldSet(List.copyOf(items));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The selection under the given field, or null when this set does not select it. */
    public FieldSet selectionOf(String field) {
        List<FieldSet> found = new ArrayList<>();
        for (Item item : items) {
            if (field.equals(item.field())) {
                found.add(item.selection());
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        return new FieldSet(found.stream().flatMap(f -> f.items().stream()).toList());
    }

    public String print() {
        return items.stream().map(Item::print).collect(Collectors.joining(" "));
    }
}
