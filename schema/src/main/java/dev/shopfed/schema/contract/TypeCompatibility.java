package dev.shopfed.schema.contract;

import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;

/**
 * Whether a client built against the old type of a field, argument or input field still works with the new one.
 * Output positions may only get stricter (non-null added); input positions may only get looser (non-null dropped).
 */
final class TypeCompatibility {

    enum Verdict {
        // ordered by severity: the worst verdict found while unwrapping wins
        SAME, LOOSER_INPUT, STRICTER_OUTPUT, MADE_NULLABLE, MADE_NON_NULL, CHANGED;

        Verdict worst(Verdict other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    private TypeCompatibility() {
    }

    static Verdict output(GraphQLType before, GraphQLType after) {
        return compare(before, after, true);
    }

    static Verdict input(GraphQLType before, GraphQLType after) {
        return compare(before, after, false);
    }

    private static Verdict compare(GraphQLType before, GraphQLType after, boolean output) {
        boolean beforeNonNull = before instanceof GraphQLNonNull;
        boolean afterNonNull = after instanceof GraphQLNonNull;
        if (beforeNonNull && afterNonNull) {
            return compare(unwrap(before), unwrap(after), output);
        }
        if (afterNonNull) {
            Verdict nullability = output ? Verdict.STRICTER_OUTPUT : Verdict.MADE_NON_NULL;
            return nullability.worst(compare(before, unwrap(after), output));
        }
        if (beforeNonNull) {
            Verdict nullability = output ? Verdict.MADE_NULLABLE : Verdict.LOOSER_INPUT;
            return nullability.worst(compare(unwrap(before), after, output));
        }
        boolean beforeList = before instanceof GraphQLList;
        boolean afterList = after instanceof GraphQLList;
        if (beforeList && afterList) {
            return compare(unwrap(before), unwrap(after), output);
        }
        if (beforeList || afterList) {
            return Verdict.CHANGED;
        }
        boolean sameName = ((GraphQLNamedType) before).getName().equals(((GraphQLNamedType) after).getName());
        return sameName ? Verdict.SAME : Verdict.CHANGED;
    }

    private static GraphQLType unwrap(GraphQLType type) {
        if (type instanceof GraphQLNonNull nonNull) {
            return nonNull.getWrappedType();
        }
        return ((GraphQLList) type).getWrappedType();
    }
}
