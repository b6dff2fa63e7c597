package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.TypeKind;
import dev.shopfed.schema.composition.subgraph.TypeRefs;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;

import java.util.List;
import java.util.Set;

/**
 * Merges the types a field or argument has across subgraphs. Outputs take the most general compatible type
 * (a subgraph may promise more, e.g. non-null or an implementation), inputs the most specific one.
 */
final class TypeReferenceMerge {

    /**
     * @param allEqual     every subgraph declares exactly the merged type
     * @param incompatible some subgraph types are not subtypes of each other
     */
    record Merged(Type<?> type, boolean allEqual, boolean incompatible) {
    }

    private TypeReferenceMerge() {
    }

    static Merged merge(MergeContext context, List<Type<?>> types, boolean input) {
        Type<?> merged = null;
        boolean subtypes = false;
        boolean incompatible = false;
        for (Type<?> type : types) {
            if (type == null) {
                continue;
            }
            if (merged == null || TypeRefs.same(merged, type)) {
                merged = type;
            } else if (isStrictSubtype(context, merged, type)) {
                subtypes = true;
                if (input) {
                    merged = type;
                }
            } else if (isStrictSubtype(context, type, merged)) {
                subtypes = true;
                if (!input) {
                    merged = type;
                }
            } else {
                incompatible = true;
            }
        }
        return new Merged(merged, !subtypes && !incompatible, incompatible);
    }

    static boolean isSubtype(MergeContext context, Type<?> type, Type<?> maybeSubtype) {
        return TypeRefs.same(type, maybeSubtype) || isStrictSubtype(context, type, maybeSubtype);
    }

    static boolean isStrictSubtype(MergeContext context, Type<?> type, Type<?> maybeSubtype) {
        if (maybeSubtype instanceof ListType list) {
            return type instanceof ListType outer && isSubtype(context, outer.getType(), list.getType());
        }
        if (maybeSubtype instanceof NonNullType nonNull) {
            if (type instanceof NonNullType outer) {
                return isSubtype(context, outer.getType(), nonNull.getType());
            }
            return isSubtype(context, type, nonNull.getType());
        }
        if (!(type instanceof TypeName named)) {
            return false;
        }
        String candidate = ((TypeName) maybeSubtype).getName();
        TypeKind candidateKind = context.kinds.get(candidate);
        if (candidateKind != TypeKind.OBJECT && candidateKind != TypeKind.INTERFACE) {
            return false;
        }
        TypeKind kind = context.kinds.get(named.getName());
        if (kind == TypeKind.UNION) {
            return candidateKind == TypeKind.OBJECT && context.unionMembers.getOrDefault(named.getName(), Set.of()).contains(candidate);
        }
        return kind == TypeKind.INTERFACE && context.implementations.getOrDefault(named.getName(), Set.of()).contains(candidate);
    }
}
