package dev.shopfed.schema.composition.print;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints values the way Apollo's tools do: they turn literals into JavaScript values before printing, so
 * {@code 1.0} prints as {@code 1}, an integer-looking {@code ID} string prints bare and strings are JSON-quoted.
 */
public final class ValuePrinter {

    private static final Pattern INTEGER_STRING = Pattern.compile("^-?(?:0|[1-9][0-9]*)$");

    private ValuePrinter() {
    }

    public static String print(Value<?> value) {
        return print(value, null);
    }

    /** @param expectedType the declared type of the value's position, or null when unknown */
    public static String print(Value<?> value, Type<?> expectedType) {
        Type<?> type = expectedType instanceof NonNullType nonNull ? nonNull.getType() : expectedType;
        if (value == null || value instanceof NullValue) {
            return "null";
        }
        if (value instanceof ArrayValue array) {
            Type<?> elementType = type instanceof ListType list ? list.getType() : null;
            return array.getValues().stream().map(v -> print(v, elementType)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (type instanceof ListType list) {
            return print(value, list.getType());
        }
        if (value instanceof ObjectValue object) {
            return object.getObjectFields().stream().map(ValuePrinter::printField).collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof StringValue string) {
            boolean idType = type instanceof TypeName name && name.getName().equals("ID");
            if (idType && INTEGER_STRING.matcher(string.getValue()).matches()) {
                return string.getValue();
            }
            return quote(string.getValue());
        }
        if (value instanceof IntValue integer) {
            return integer.getValue().toString();
        }
        if (value instanceof FloatValue floating) {
            return printNumber(floating.getValue());
        }
        if (value instanceof BooleanValue bool) {
            return Boolean.toString(bool.isValue());
        }
        if (value instanceof EnumValue enumValue) {
            return enumValue.getName();
        }
        if (value instanceof VariableReference variable) {
            return "$" + variable.getName();
        }
        throw new IllegalArgumentException("Unsupported value " + value);
    }

    private static String printField(ObjectField field) {
        return field.getName() + ": " + print(field.getValue());
    }

    /** JavaScript's Number#toString for the ordinary range: no trailing ".0", no exponent. */
    private static String printNumber(BigDecimal value) {
        double asDouble = value.doubleValue();
        double magnitude = Math.abs(asDouble);
        if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21)) {
            return Double.toString(asDouble).replace("E", "e+").replace("e+-", "e-");
        }
        BigDecimal exact = BigDecimal.valueOf(asDouble).stripTrailingZeros();
        return exact.signum() == 0 ? "0" : exact.toPlainString();
    }

    /** JSON.stringify of a string. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
