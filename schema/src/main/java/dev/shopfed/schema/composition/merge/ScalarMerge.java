package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.SubgraphType;
import graphql.language.Directive;
import graphql.language.ScalarTypeDefinition;

import java.util.ArrayList;
import java.util.List;

/** Custom scalars merge by name; only their description and kept directives combine. */
final class ScalarMerge {

    private ScalarMerge() {
    }

    static ScalarTypeDefinition merge(MergeContext context, String name, List<SubgraphType> sources) {
        TypeDirectives.checkHasBase(context, name, sources);
        List<Directive> directives = new ArrayList<>(TypeDirectives.joinTypes(context, name, sources));
        directives.addAll(AppliedDirectiveMerge.inaccessible(context, TypeDirectives.applied(sources)));
        directives.addAll(AppliedDirectiveMerge.others(context, TypeDirectives.applied(sources)));
        return ScalarTypeDefinition.newScalarTypeDefinition()
                .name(name)
                .description(TypeDirectives.description(sources))
                .directives(directives)
                .build();
    }
}
