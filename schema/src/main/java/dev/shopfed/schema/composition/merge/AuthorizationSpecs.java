package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Applied;
import graphql.language.ArrayValue;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The authorization directives {@code @authenticated} (federation 2.5), {@code @requiresScopes} (2.5) and
 * {@code @policy} (2.6). Each used one links its own spec in the supergraph ({@code https://specs.apollo.dev/<name>/v0.1},
 * for SECURITY); differing applications to one element are combined as Apollo's composition combines them: every
 * subgraph's requirement must hold, so their alternatives are multiplied out into one simplified list of
 * alternatives ({@code dnfConjunction}).
 */
final class AuthorizationSpecs {

    static final List<String> DIRECTIVES = List.of("authenticated", "requiresScopes", "policy");

    private AuthorizationSpecs() {
    }

    static String url(String spec) {
        return "https://specs.apollo.dev/" + spec + "/v0.1";
    }

    static Directive link(String spec) {
        return JoinSpec.link(url(spec), "SECURITY");
    }

    static List<Definition<?>> definitions(String spec) {
        String locations = " on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM";
        return switch (spec) {
            case "authenticated" -> List.of(JoinSpec.parseDefinition("directive @authenticated" + locations));
            case "requiresScopes" -> List.of(
                    JoinSpec.parseDefinition("directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!)" + locations),
                    JoinSpec.parseDefinition("scalar requiresScopes__Scope"));
            default -> List.of(
                    JoinSpec.parseDefinition("directive @policy(policies: [[policy__Policy!]!]!)" + locations),
                    JoinSpec.parseDefinition("scalar policy__Policy"));
        };
    }

    /** One application standing for differing applications of {@code @requiresScopes} or {@code @policy}. */
    static List<Argument> mergeArguments(String name, List<Applied> applications) {
        String argument = name.equals("requiresScopes") ? "scopes" : "policies";
        List<List<List<String>>> values = new ArrayList<>();
        for (Applied application : applications) {
            values.add(nested(application.argument(argument)));
        }
        List<Value> outer = new ArrayList<>();
        for (List<String> conjunct : dnfConjunction(values)) {
            List<Value> inner = conjunct.stream().map(s -> (Value) new StringValue(s)).toList();
            outer.add(ArrayValue.newArrayValue().values(inner).build());
        }
        return List.of(new Argument(argument, ArrayValue.newArrayValue().values(outer).build()));
    }

    /** Apollo's {@code dnfConjunction}: the AND of several ORs-of-ANDs, as an OR-of-ANDs without subsumed terms. */
    static List<List<String>> dnfConjunction(List<List<List<String>>> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<List<List<String>>> copies = new ArrayList<>();
        for (List<List<String>> value : values) {
            List<List<String>> copy = new ArrayList<>();
            value.forEach(inner -> copy.add(new ArrayList<>(inner)));
            copies.add(copy.isEmpty() ? new ArrayList<>(List.of(new ArrayList<>())) : copy);
        }
        List<List<List<String>>> filtered = filterNestedArrayDuplicates(copies);
        List<List<String>> result = filtered.get(0);
        for (int i = 1; i < filtered.size(); i++) {
            List<List<String>> accumulator = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (List<String> accElement : result) {
                for (List<String> currentElement : filtered.get(i)) {
                    List<String> candidate = new ArrayList<>(accElement);
                    currentElement.stream().filter(e -> !accElement.contains(e)).forEach(candidate::add);
                    candidate.sort(null);
                    if (seen.add(json(candidate))) {
                        accumulator.add(candidate);
                    }
                }
            }
            result = deduplicateSubsumedValues(accumulator);
        }
        return result;
    }

    private static List<List<List<String>>> filterNestedArrayDuplicates(List<List<List<String>>> values) {
        List<List<List<String>>> filtered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<List<String>> value : values) {
            value.forEach(inner -> inner.sort(null));
            value.sort((a, b) -> json(a).compareTo(json(b)));
            if (seen.add(json(value))) {
                filtered.add(value);
            }
        }
        return filtered;
    }

    private static List<List<String>> deduplicateSubsumedValues(List<List<String>> values) {
        List<List<String>> sorted = new ArrayList<>(values);
        sorted.sort((a, b) -> Integer.compare(a.size(), b.size()));
        List<List<String>> result = new ArrayList<>();
        for (List<String> candidate : sorted) {
            Set<String> entry = new LinkedHashSet<>(candidate);
            if (result.stream().noneMatch(entry::containsAll)) {
                result.add(candidate);
            }
        }
        return result;
    }

    /** JSON.stringify of nested string lists, which Apollo compares and deduplicates by. */
    private static String json(List<?> list) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : ",");
            Object item = list.get(i);
            if (item instanceof List<?> nested) {
                out.append(json(nested));
            } else {
                out.append('"').append(item.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append(']').toString();
    }

    /** An OR-of-ANDs argument value ({@code [["a", "b"], ["c"]]}) as lists. */
    static List<List<String>> nested(Value<?> value) {
        List<List<String>> outer = new ArrayList<>();
        if (!(value instanceof ArrayValue array)) {
            return outer;
        }
        for (Value<?> inner : array.getValues()) {
            List<String> conjunct = new ArrayList<>();
            if (inner instanceof ArrayValue innerArray) {
                innerArray.getValues().stream().filter(StringValue.class::isInstance)
                        .forEach(v -> conjunct.add(((StringValue) v).getValue()));
            } else if (inner instanceof StringValue s) {
                conjunct.add(s.getValue());
            }
            outer.add(conjunct);
        }
        return outer;
    }
}
