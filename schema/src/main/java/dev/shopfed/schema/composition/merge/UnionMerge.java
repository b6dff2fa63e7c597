package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.SubgraphType;
import graphql.language.Directive;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A union has every member any subgraph declares; {@code @join__unionMember} says which subgraph knows which. */
final class UnionMerge {

    private UnionMerge() {
    }

    static UnionTypeDefinition merge(MergeContext context, String name, List<SubgraphType> sources) {
        TypeDirectives.checkHasBase(context, name, sources);
        List<Directive> directives = new ArrayList<>(TypeDirectives.joinTypes(context, name, sources));
        directives.addAll(AppliedDirectiveMerge.inaccessible(context, TypeDirectives.applied(sources)));
        Set<String> members = new LinkedHashSet<>();
        sources.stream().filter(s -> s != null).forEach(s -> members.addAll(s.members()));
        for (String member : members) {
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i) != null && sources.get(i).members().contains(member)) {
                    directives.add(JoinSpec.joinUnionMember(context.graph(i), member));
                }
            }
        }
        directives.addAll(AppliedDirectiveMerge.others(context, TypeDirectives.applied(sources)));
        return UnionTypeDefinition.newUnionTypeDefinition()
                .name(name)
                .description(TypeDirectives.description(sources))
                .directives(directives)
                .memberTypes(members.stream().map(m -> (Type) TypeName.newTypeName(m).build()).toList())
                .build();
    }
}
