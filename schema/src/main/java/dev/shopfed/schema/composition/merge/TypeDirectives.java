package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Key;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import graphql.language.Description;
import graphql.language.Directive;

import java.util.ArrayList;
import java.util.List;

/** The parts every merged type shares: description, {@code @join__type}s and kept directives. */
final class TypeDirectives {

    private TypeDirectives() {
    }

    static Description description(List<SubgraphType> sources) {
        String merged = DescriptionMerge.merge(sources.stream().map(s -> s == null ? null : s.description()).toList());
        return merged == null ? null : new Description(merged, null, false);
    }

    /** One {@code @join__type} per subgraph defining the type, one per key for entities. */
    static List<Directive> joinTypes(MergeContext context, String name, List<SubgraphType> sources) {
        List<Directive> joins = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) == null) {
                continue;
            }
            boolean interfaceObject = context.subgraph(i).isInterfaceObject(name);
            List<Key> keys = context.subgraph(i).keys(name);
            if (keys.isEmpty()) {
                joins.add(JoinSpec.joinType(context.graph(i), null, false, null, interfaceObject));
            }
            for (Key key : keys) {
                joins.add(JoinSpec.joinType(context.graph(i), key.fields(), key.extension(), key.resolvable(), interfaceObject));
            }
        }
        return joins;
    }

    static List<List<Applied>> applied(List<SubgraphType> sources) {
        return sources.stream().map(s -> s == null ? null : s.directives()).toList();
    }

    /** A type only ever declared with {@code extend} has no base to extend. */
    static void checkHasBase(MergeContext context, String name, List<SubgraphType> sources) {
        boolean defined = sources.stream().anyMatch(s -> s != null && (s.defined() || !s.extended()));
        if (defined || name.equals("Query") || name.equals("Mutation") || name.equals("Subscription")) {
            return;
        }
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) != null) {
                context.error("EXTENSION_WITH_NO_BASE", "[" + context.name(i) + "] Type \"" + name + "\" is an extension type, but "
                        + "there is no type definition for \"" + name + "\" in any subgraph.", List.of(context.name(i)), name, null);
            }
        }
    }
}
