package dev.shopfed.schema.composition.subgraph;

/** Kinds of named types, as they merge. */
public enum TypeKind {
    OBJECT, INTERFACE, UNION, ENUM, INPUT_OBJECT, SCALAR;

    public boolean hasFields() {
        return this == OBJECT || this == INTERFACE;
    }

    public String display() {
        return switch (this) {
            case OBJECT -> "Object Type";
            case INTERFACE -> "Interface Type";
            case UNION -> "Union Type";
            case ENUM -> "Enum Type";
            case INPUT_OBJECT -> "Input Object Type";
            case SCALAR -> "Scalar Type";
        };
    }
}
