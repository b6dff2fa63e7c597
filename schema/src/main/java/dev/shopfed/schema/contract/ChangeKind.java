package dev.shopfed.schema.contract;

/** Every kind of difference the contract guard reports; breaking kinds fail the build. */
public enum ChangeKind {
    TYPE_REMOVED(true, "type removed"),
    TYPE_KIND_CHANGED(true, "type changed kind"),
    ROOT_TYPE_CHANGED(true, "root operation type changed"),
    FIELD_REMOVED(true, "field removed"),
    FIELD_TYPE_CHANGED(true, "field type changed"),
    OUTPUT_MADE_NULLABLE(true, "field made nullable"),
    ARGUMENT_REMOVED(true, "argument removed"),
    ARGUMENT_TYPE_CHANGED(true, "argument type changed"),
    REQUIRED_ARGUMENT_ADDED(true, "required argument added"),
    INPUT_FIELD_REMOVED(true, "input field removed"),
    INPUT_FIELD_TYPE_CHANGED(true, "input field type changed"),
    REQUIRED_INPUT_FIELD_ADDED(true, "required input field added"),
    INPUT_MADE_NON_NULL(true, "input made non-null"),
    ENUM_VALUE_REMOVED(true, "enum value removed"),
    INTERFACE_REMOVED(true, "interface no longer implemented"),
    UNION_MEMBER_REMOVED(true, "union member removed"),

    TYPE_ADDED(false, "type added"),
    FIELD_ADDED(false, "field added"),
    OPTIONAL_ARGUMENT_ADDED(false, "optional argument added"),
    OPTIONAL_INPUT_FIELD_ADDED(false, "optional input field added"),
    ENUM_VALUE_ADDED(false, "enum value added"),
    INTERFACE_ADDED(false, "interface implemented"),
    UNION_MEMBER_ADDED(false, "union member added"),
    OUTPUT_MADE_NON_NULL(false, "field made non-null"),
    INPUT_MADE_NULLABLE(false, "input made nullable"),
    DEFAULT_VALUE_CHANGED(false, "default value changed"),
    DEPRECATION_CHANGED(false, "deprecation changed");

    private final boolean breaking;
    private final String summary;

    ChangeKind(boolean breaking, String summary) {
        this.breaking = breaking;
        this.summary = summary;
    }

    public boolean breaking() {
        return breaking;
    }

    public String summary() {
        return summary;
    }
}
