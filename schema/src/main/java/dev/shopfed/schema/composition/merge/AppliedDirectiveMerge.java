package dev.shopfed.schema.composition.merge;

import graphql.language.StringValue;
import dev.shopfed.schema.composition.print.ValuePrinter;
import dev.shopfed.schema.composition.subgraph.Applied;
import graphql.language.Argument;
import graphql.language.Directive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Carries the directives the supergraph keeps ({@code @inaccessible}, {@code @tag}, {@code @deprecated},
 * {@code @specifiedBy}, {@code @cost}, {@code @listSize}, {@code @authenticated}, {@code @requiresScopes},
 * {@code @policy}, composed directives) from the subgraphs' elements to the supergraph element.
 * Repeatable ones are deduplicated; for others the most common application wins.
 */
final class AppliedDirectiveMerge {

    private AppliedDirectiveMerge() {
    }

    /** @param perSource the element's directives in each subgraph, null where the element is absent */
    static List<Directive> inaccessible(MergeContext context, List<List<Applied>> perSource) {
        return merge(context, "inaccessible", perSource);
    }

    /**
     * Every kept directive but {@code @inaccessible}: the authorization directives first (as Apollo places them),
     * then the others, each in order of first appearance.
     */
    static List<Directive> others(MergeContext context, List<List<Applied>> perSource) {
        Set<String> names = new LinkedHashSet<>();
        for (List<Applied> directives : perSource) {
            if (directives != null) {
                directives.stream().map(Applied::name).filter(AuthorizationSpecs.DIRECTIVES::contains).forEach(names::add);
            }
        }
        for (int i = 0; i < perSource.size(); i++) {
            if (perSource.get(i) == null) {
                continue;
            }
            int index = i;
            perSource.get(i).stream().map(Applied::name).filter(n -> context.isMergedDirective(index, n))
                    .filter(n -> !n.equals("inaccessible")).forEach(names::add);
        }
        List<Directive> merged = new ArrayList<>();
        names.forEach(name -> merged.addAll(merge(context, name, perSource)));
        return merged;
    }

    private static List<Directive> merge(MergeContext context, String name, List<List<Applied>> perSource) {
        List<Applied> applications = new ArrayList<>();
        for (List<Applied> directives : perSource) {
            if (directives != null) {
                directives.stream().filter(d -> d.name().equals(name)).forEach(applications::add);
            }
        }
        if (applications.isEmpty()) {
            return List.of();
        }
        List<Applied> distinct = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Applied application : applications) {
            int index = indexOf(distinct, application);
            if (index < 0) {
                distinct.add(application);
                counts.add(1);
            } else {
                counts.set(index, counts.get(index) + 1);
            }
        }
        if (context.isRepeatable(name)) {
            return distinct.stream().map(a -> toSupergraph(context, a)).toList();
        }
        if (distinct.size() > 1 && AuthorizationSpecs.DIRECTIVES.contains(name)) {
            return List.of(Directive.newDirective().name(name).arguments(AuthorizationSpecs.mergeArguments(name, distinct)).build());
        }
        if (distinct.size() > 1 && CostSpec.DIRECTIVES.contains(name)) {
            return List.of(Directive.newDirective().name(context.supergraphName(name))
                    .arguments(CostSpec.mergeArguments(name, distinct)).build());
        }
        int best = 0;
        for (int i = 1; i < counts.size(); i++) {
            if (counts.get(i) > counts.get(best)) {
                best = i;
            }
        }
        return List.of(toSupergraph(context, distinct.get(best)));
    }

    private static int indexOf(List<Applied> distinct, Applied application) {
        String key = key(application);
        for (int i = 0; i < distinct.size(); i++) {
            if (key(distinct.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Arguments compared with defaults applied, in name order. */
    private static String key(Applied application) {
        List<Argument> arguments = new ArrayList<>(application.node().getArguments());
        if (application.name().equals("deprecated") && application.node().getArgument("reason") == null) {
            arguments.add(new Argument("reason", new StringValue("No longer supported")));
        }
        if (application.name().equals("listSize") && application.node().getArgument("requireOneSlicingArgument") == null) {
            arguments.add(new Argument("requireOneSlicingArgument", new graphql.language.BooleanValue(true)));
        }
        return arguments.stream()
                .sorted(Comparator.comparing(Argument::getName))
                .map(a -> a.getName() + ":" + ValuePrinter.print(a.getValue()))
                .collect(Collectors.joining(","));
    }

    private static Directive toSupergraph(MergeContext context, Applied application) {
        return Directive.newDirective().name(context.supergraphName(application.name())).arguments(application.node().getArguments()).build();
    }
}
