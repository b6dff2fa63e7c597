package dev.shopfed.schema.composition.subgraph;

import dev.shopfed.schema.composition.print.SdlPrinter;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;

import java.util.Map;

/** Small operations on graphql-java type references. */
public final class TypeRefs {

    private TypeRefs() {
    }

    public static String baseName(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return baseName(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return baseName(list.getType());
        }
        return ((TypeName) type).getName();
    }

    public static String print(Type<?> type) {
        return SdlPrinter.typeString(type);
    }

    public static boolean same(Type<?> a, Type<?> b) {
        return print(a).equals(print(b));
    }

    public static Type<?> rename(Type<?> type, Map<String, String> renames) {
        if (type instanceof NonNullType nonNull) {
            return NonNullType.newNonNullType(rename(nonNull.getType(), renames)).build();
        }
        if (type instanceof ListType list) {
            return ListType.newListType(rename(list.getType(), renames)).build();
        }
        String name = ((TypeName) type).getName();
        return renames.containsKey(name) ? TypeName.newTypeName(renames.get(name)).build() : type;
    }
}
