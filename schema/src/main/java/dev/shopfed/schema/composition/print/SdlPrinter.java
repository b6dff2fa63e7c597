package dev.shopfed.schema.composition.print;

import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectiveLocation;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints an SDL document in the layout Apollo's federation tools use for supergraphs: schema definition first,
 * then directive definitions and types sorted by name, type-level directives one per line, field-level
 * directives inline. Works on graphql-java's AST so any parsed or built document can be printed.
 */
public final class SdlPrinter {

    private static final String INDENT = "  ";
    private static final List<String> ROOT_ORDER = List.of("query", "mutation", "subscription");

    private final Map<String, DirectiveDefinition> directiveDefinitions = new HashMap<>();

    private SdlPrinter(Document document) {
        document.getDefinitionsOfType(DirectiveDefinition.class).forEach(d -> directiveDefinitions.put(d.getName(), d));
    }

    public static String print(Document document) {
        return new SdlPrinter(document).printDocument(document);
    }

    private String printDocument(Document document) {
        List<String> blocks = new ArrayList<>();
        document.getDefinitionsOfType(SchemaDefinition.class).stream()
                .map(this::printSchema)
                .filter(s -> !s.isEmpty())
                .forEach(blocks::add);
        document.getDefinitionsOfType(DirectiveDefinition.class).stream()
                .sorted(Comparator.comparing(DirectiveDefinition::getName, NameOrder.INSTANCE))
                .map(this::printDirectiveDefinition)
                .forEach(blocks::add);
        document.getDefinitions().stream()
                .filter(d -> d instanceof TypeDefinition<?>)
                .map(d -> (TypeDefinition<?>) d)
                .sorted(Comparator.comparing(TypeDefinition::getName, NameOrder.INSTANCE))
                .map(this::printType)
                .forEach(blocks::add);
        return String.join("\n\n", blocks);
    }

    private String printSchema(SchemaDefinition schema) {
        List<OperationTypeDefinition> roots = schema.getOperationTypeDefinitions().stream()
                .sorted(Comparator.comparingInt(r -> ROOT_ORDER.indexOf(r.getName())))
                .toList();
        List<Directive> directives = schema.getDirectives();
        boolean defaultNames = roots.stream().allMatch(r -> r.getTypeName().getName().equalsIgnoreCase(r.getName()));
        if (directives.isEmpty() && schema.getDescription() == null && defaultNames) {
            return "";
        }
        String rootEntries = roots.stream()
                .map(r -> INDENT + r.getName() + ": " + r.getTypeName().getName())
                .collect(Collectors.joining("\n"));
        return description(schema.getDescription(), "", true)
                + "schema"
                + directivesOnLines(directives, !roots.isEmpty())
                + (directives.isEmpty() ? " " : "")
                + (roots.isEmpty() ? "" : "{\n" + rootEntries + "\n}");
    }

    private String printDirectiveDefinition(DirectiveDefinition definition) {
        String locations = definition.getDirectiveLocations().stream()
                .map(DirectiveLocation::getName)
                .collect(Collectors.joining(" | "));
        return description(definition.getDescription(), "", true)
                + "directive @" + definition.getName()
                + arguments(definition.getInputValueDefinitions(), "")
                + (definition.isRepeatable() ? " repeatable" : "")
                + " on " + locations;
    }

    private String printType(TypeDefinition<?> type) {
        if (type instanceof ObjectTypeDefinition object) {
            return fieldBased("type", object.getName(), object.getDescription(), object.getImplements(),
                    object.getDirectives(), object.getFieldDefinitions());
        }
        if (type instanceof InterfaceTypeDefinition itf) {
            return fieldBased("interface", itf.getName(), itf.getDescription(), itf.getImplements(),
                    itf.getDirectives(), itf.getFieldDefinitions());
        }
        if (type instanceof UnionTypeDefinition union) {
            return printUnion(union);
        }
        if (type instanceof EnumTypeDefinition enumType) {
            return printEnum(enumType);
        }
        if (type instanceof InputObjectTypeDefinition input) {
            return printInput(input);
        }
        if (type instanceof ScalarTypeDefinition scalar) {
            return description(scalar.getDescription(), "", true) + "scalar " + scalar.getName()
                    + directivesOnLines(scalar.getDirectives(), false);
        }
        throw new IllegalArgumentException("Unsupported type definition " + type);
    }

    private String fieldBased(String keyword, String name, Description description, List<Type> interfaces,
                              List<Directive> directives, List<FieldDefinition> fields) {
        String implemented = interfaces.isEmpty() ? "" : " implements " + interfaces.stream()
                .map(t -> ((TypeName) t).getName())
                .collect(Collectors.joining(" & "));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            lines.add(description(field.getDescription(), INDENT, i == 0)
                    + INDENT + field.getName() + arguments(field.getInputValueDefinitions(), INDENT)
                    + ": " + typeString(field.getType())
                    + directivesInline(field.getDirectives()));
        }
        return description(description, "", true) + keyword + " " + name + implemented
                + directivesOnLines(directives, !fields.isEmpty())
                + (directives.isEmpty() && !fields.isEmpty() ? " " : "")
                + block(lines);
    }

    private String printUnion(UnionTypeDefinition union) {
        String members = union.getMemberTypes().isEmpty() ? "" : " = " + union.getMemberTypes().stream()
                .map(t -> ((TypeName) t).getName())
                .collect(Collectors.joining(" | "));
        return description(union.getDescription(), "", true) + "union " + union.getName()
                + directivesOnLines(union.getDirectives(), !union.getMemberTypes().isEmpty())
                + members;
    }

    private String printEnum(EnumTypeDefinition enumType) {
        List<String> lines = new ArrayList<>();
        List<EnumValueDefinition> values = enumType.getEnumValueDefinitions();
        for (int i = 0; i < values.size(); i++) {
            EnumValueDefinition value = values.get(i);
            lines.add(description(value.getDescription(), INDENT, i == 0)
                    + INDENT + value.getName() + directivesInline(value.getDirectives()));
        }
        return description(enumType.getDescription(), "", true) + "enum " + enumType.getName()
                + directivesOnLines(enumType.getDirectives(), !values.isEmpty())
                + (enumType.getDirectives().isEmpty() && !values.isEmpty() ? " " : "")
                + block(lines);
    }

    private String printInput(InputObjectTypeDefinition input) {
        List<String> lines = new ArrayList<>();
        List<InputValueDefinition> fields = input.getInputValueDefinitions();
        for (int i = 0; i < fields.size(); i++) {
            InputValueDefinition field = fields.get(i);
            lines.add(description(field.getDescription(), INDENT, i == 0) + INDENT + inputValue(field));
        }
        return description(input.getDescription(), "", true) + "input " + input.getName()
                + directivesOnLines(input.getDirectives(), !fields.isEmpty())
                + (input.getDirectives().isEmpty() && !fields.isEmpty() ? " " : "")
                + block(lines);
    }

    private String arguments(List<InputValueDefinition> arguments, String indentation) {
        if (arguments.isEmpty()) {
            return "";
        }
        if (arguments.stream().allMatch(a -> a.getDescription() == null)) {
            return arguments.stream().map(this::inputValue).collect(Collectors.joining(", ", "(", ")"));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            InputValueDefinition argument = arguments.get(i);
            lines.add(description(argument.getDescription(), INDENT + indentation, i == 0)
                    + INDENT + indentation + inputValue(argument));
        }
        return "(\n" + String.join("\n", lines) + "\n" + indentation + ")";
    }

    private String inputValue(InputValueDefinition value) {
        String defaultValue = value.getDefaultValue() == null ? ""
                : " = " + ValuePrinter.print(value.getDefaultValue(), value.getType());
        return value.getName() + ": " + typeString(value.getType()) + defaultValue + directivesInline(value.getDirectives());
    }

    private String directivesOnLines(List<Directive> directives, boolean endWithNewLine) {
        if (directives.isEmpty()) {
            return "";
        }
        String joined = directives.stream().map(this::directive).collect(Collectors.joining("\n" + INDENT));
        return "\n" + INDENT + joined + (endWithNewLine ? "\n" : "");
    }

    private String directivesInline(List<Directive> directives) {
        return directives.stream().map(d -> " " + directive(d)).collect(Collectors.joining());
    }

    private String directive(Directive directive) {
        if (directive.getArguments().isEmpty()) {
            return "@" + directive.getName();
        }
        DirectiveDefinition definition = directiveDefinitions.get(directive.getName());
        return "@" + directive.getName() + directive.getArguments().stream()
                .map(argument -> argument.getName() + ": " + ValuePrinter.print(argument.getValue(), argumentType(definition, argument)))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static Type<?> argumentType(DirectiveDefinition definition, Argument argument) {
        if (definition == null) {
            return null;
        }
        return definition.getInputValueDefinitions().stream()
                .filter(d -> d.getName().equals(argument.getName()))
                .map(InputValueDefinition::getType)
                .findFirst()
                .orElse(null);
    }

    private static String block(List<String> lines) {
        return lines.isEmpty() ? "" : "{\n" + String.join("\n", lines) + "\n}";
    }

    public static String typeString(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return typeString(nonNull.getType()) + "!";
        }
        if (type instanceof ListType list) {
            return "[" + typeString(list.getType()) + "]";
        }
        return ((TypeName) type).getName();
    }

    private static String description(Description description, String indentation, boolean firstInBlock) {
        if (description == null) {
            return "";
        }
        String content = description.getContent();
        String block = blockString(content, content.length() > 70);
        String prefix = !indentation.isEmpty() && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + block.replace("\n", "\n" + indentation) + "\n";
    }

    /** graphql-js printBlockString, as Apollo prints descriptions. */
    private static String blockString(String value, boolean preferMultipleLines) {
        boolean singleLine = value.indexOf('\n') < 0;
        boolean leadingSpace = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(0) == '\t');
        boolean trailingQuote = !value.isEmpty() && value.charAt(value.length() - 1) == '"';
        boolean trailingSlash = !value.isEmpty() && value.charAt(value.length() - 1) == '\\';
        boolean multipleLines = !singleLine || trailingQuote || trailingSlash || preferMultipleLines;
        StringBuilder result = new StringBuilder();
        if (multipleLines && !(singleLine && leadingSpace)) {
            result.append('\n');
        }
        result.append(value);
        if (multipleLines) {
            result.append('\n');
        }
        return "\"\"\"" + result.toString().replace("\"\"\"", "\\\"\"\"") + "\"\"\"";
    }

    /** Definitions a document holds, for callers that build documents piecewise. */
    public static Document document(List<? extends Definition<?>> definitions) {
        return Document.newDocument().definitions(new ArrayList<>(definitions)).build();
    }
}
