package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import graphql.language.ArrayValue;
import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The demand-control directives {@code @cost} and {@code @listSize} (federation 2.9). The supergraph links
 * {@code https://specs.apollo.dev/cost/v0.1} and keeps them under the name the subgraphs import them as; when
 * subgraphs apply one differently to the same element, the arguments merge as Apollo's composition merges them:
 * the highest weight and assumed size, the union of slicing arguments and sized fields, and
 * {@code requireOneSlicingArgument} only when every subgraph requires it.
 */
final class CostSpec {

    static final String URL = "https://specs.apollo.dev/cost/v0.1";
    static final List<String> DIRECTIVES = List.of("cost", "listSize");

    /** spec name → name in the supergraph, for the directives some subgraph applies */
    private final Map<String, String> names = new LinkedHashMap<>();

    private CostSpec() {
    }

    static CostSpec collect(MergeContext context) {
        CostSpec spec = new CostSpec();
        for (Subgraph subgraph : context.subgraphs) {
            Map<String, String> written = new LinkedHashMap<>();
            forEachApplied(subgraph, d -> {
                if (DIRECTIVES.contains(d.name())) {
                    written.putIfAbsent(d.name(), d.node().getName());
                }
            });
            written.forEach((name, local) -> spec.record(context, subgraph, name, local));
        }
        return spec;
    }

    private void record(MergeContext context, Subgraph subgraph, String name, String local) {
        String previous = names.putIfAbsent(name, local);
        if (previous != null && !previous.equals(local)) {
            context.error("LINK_IMPORT_NAME_MISMATCH", "The \"@" + name + "\" directive (from "
                    + subgraph.federation().url() + ") is imported with mismatched name between subgraphs: it is imported as \"@"
                    + previous + "\" in some subgraphs and \"@" + local + "\" in subgraph \"" + subgraph.name() + "\"",
                    List.of(subgraph.name()), null, null);
        }
    }

    boolean used() {
        return !names.isEmpty();
    }

    boolean usedIn(Subgraph subgraph) {
        boolean[] found = {false};
        forEachApplied(subgraph, d -> found[0] |= DIRECTIVES.contains(d.name()));
        return found[0];
    }

    /** The supergraph's name for a spec directive: the subgraphs' name, else the spec's default. */
    String supergraphName(String name) {
        return names.getOrDefault(name, defaultName(name));
    }

    private static String defaultName(String name) {
        return name.equals("cost") ? "cost" : "cost__" + name;
    }

    Directive link() {
        List<Value> imports = new ArrayList<>();
        for (String name : DIRECTIVES) {
            String local = supergraphName(name);
            if (local.equals(defaultName(name))) {
                continue;
            }
            imports.add(local.equals(name) ? new StringValue("@" + name)
                    : ObjectValue.newObjectValue().objectFields(List.of(new ObjectField("name", new StringValue("@" + name)),
                    new ObjectField("as", new StringValue("@" + local)))).build());
        }
        List<Argument> arguments = new ArrayList<>(List.of(new Argument("url", new StringValue(URL))));
        if (!imports.isEmpty()) {
            arguments.add(new Argument("import", ArrayValue.newArrayValue().values(imports).build()));
        }
        return Directive.newDirective().name("link").arguments(arguments).build();
    }

    List<Definition<?>> definitions() {
        return List.of(
                JoinSpec.parseDefinition("directive @" + supergraphName("cost")
                        + "(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR"),
                JoinSpec.parseDefinition("directive @" + supergraphName("listSize") + "(assumedSize: Int, slicingArguments: [String!], "
                        + "sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION"));
    }

    /** One application standing for differing applications of {@code @cost} or {@code @listSize} to one element. */
    static List<Argument> mergeArguments(String name, List<Applied> applications) {
        List<Argument> merged = new ArrayList<>();
        if (name.equals("cost")) {
            applications.stream().map(a -> integer(a.argument("weight"))).filter(Objects::nonNull).max(BigInteger::compareTo)
                    .ifPresent(w -> merged.add(new Argument("weight", new IntValue(w))));
            return merged;
        }
        applications.stream().map(a -> integer(a.argument("assumedSize"))).filter(Objects::nonNull).max(BigInteger::compareTo)
                .ifPresent(s -> merged.add(new Argument("assumedSize", new IntValue(s))));
        union(applications, "slicingArguments").ifPresent(merged::add);
        union(applications, "sizedFields").ifPresent(merged::add);
        boolean requireOne = applications.stream()
                .allMatch(a -> !(a.argument("requireOneSlicingArgument") instanceof BooleanValue b) || b.isValue());
        merged.add(new Argument("requireOneSlicingArgument", new BooleanValue(requireOne)));
        return merged;
    }

    private static java.util.Optional<Argument> union(List<Applied> applications, String argument) {
        List<String> values = null;
        for (Applied application : applications) {
            if (!(application.argument(argument) instanceof ArrayValue array)) {
                continue;
            }
            values = values == null ? new ArrayList<>() : values;
            for (Value<?> v : array.getValues()) {
                if (v instanceof StringValue s && !values.contains(s.getValue())) {
                    values.add(s.getValue());
                }
            }
        }
        if (values == null) {
            return java.util.Optional.empty();
        }
        List<Value> strings = values.stream().map(s -> (Value) new StringValue(s)).toList();
        return java.util.Optional.of(new Argument(argument, ArrayValue.newArrayValue().values(strings).build()));
    }

    private static BigInteger integer(Value<?> value) {
        return value instanceof IntValue i ? i.getValue() : null;
    }

    private static void forEachApplied(Subgraph subgraph, Consumer<Applied> action) {
        for (SubgraphType type : subgraph.types().values()) {
            type.directives().forEach(action);
            type.fields().forEach(f -> {
                f.directives().forEach(action);
                f.arguments().forEach(a -> a.directives().forEach(action));
            });
            type.inputFields().forEach(f -> f.directives().forEach(action));
        }
    }
}
