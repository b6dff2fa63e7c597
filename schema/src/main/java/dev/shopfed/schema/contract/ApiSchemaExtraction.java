package dev.shopfed.schema.contract;

import graphql.language.ArrayValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectField;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectValue;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a supergraph document into its API schema: drops every element of a {@code @link}ed feature (join, link,
 * inaccessible, tag, ...) and every {@code @inaccessible} element, with what references it.
 */
final class ApiSchemaExtraction {

    private static final String INACCESSIBLE_IDENTITY = "https://specs.apollo.dev/inaccessible";

    private final Document supergraph;
    private final Set<String> featureNames = new HashSet<>();
    private final Set<String> importedNames = new HashSet<>();
    private final Set<String> removedTypes = new HashSet<>();
    private String inaccessible = "inaccessible";

    ApiSchemaExtraction(Document supergraph) {
        this.supergraph = supergraph;
    }

    Document extract() {
        supergraph.getDefinitionsOfType(SchemaDefinition.class).forEach(this::collectLinks);
        for (Definition<?> definition : supergraph.getDefinitions()) {
            if (definition instanceof TypeDefinition<?> type && (isFeatureType(type.getName()) || isInaccessible(type.getDirectives()))) {
                removedTypes.add(type.getName());
            }
        }
        List<Definition> kept = new ArrayList<>();
        for (Definition<?> definition : supergraph.getDefinitions()) {
            Definition<?> cleaned = clean(definition);
            if (cleaned != null) {
                kept.add(cleaned);
            }
        }
        return Document.newDocument().definitions(kept).build();
    }

    private void collectLinks(SchemaDefinition schema) {
        for (Directive link : schema.getDirectives("link")) {
            String url = stringArgument(link, "url");
            if (url == null) {
                continue;
            }
            String alias = stringArgument(link, "as");
            String name = alias != null ? alias : featureName(url);
            featureNames.add(name);
            if (url.startsWith(INACCESSIBLE_IDENTITY + "/")) {
                inaccessible = name;
            }
            collectImports(link);
        }
    }

    private void collectImports(Directive link) {
        if (link.getArgument("import") == null || !(link.getArgument("import").getValue() instanceof ArrayValue imports)) {
            return;
        }
        for (Value<?> imported : imports.getValues()) {
            if (imported instanceof StringValue name) {
                importedNames.add(name.getValue().replaceFirst("^@", ""));
            }
            if (imported instanceof ObjectValue object) {
                object.getObjectFields().stream()
                        .filter(f -> f.getName().equals("as") || f.getName().equals("name"))
                        .map(ObjectField::getValue)
                        .filter(v -> v instanceof StringValue)
                        .forEach(v -> importedNames.add(((StringValue) v).getValue().replaceFirst("^@", "")));
            }
        }
    }

    private static String featureName(String url) {
        String[] parts = url.replaceAll("/+$", "").split("/");
        // .../<name>/v<major>.<minor>
        return parts.length >= 2 && parts[parts.length - 1].startsWith("v") ? parts[parts.length - 2] : parts[parts.length - 1];
    }

    private static String stringArgument(Directive directive, String name) {
        if (directive.getArgument(name) == null || !(directive.getArgument(name).getValue() instanceof StringValue value)) {
            return null;
        }
        return value.getValue();
    }

    private boolean isFeatureType(String name) {
        return featureNames.stream().anyMatch(f -> name.startsWith(f + "__")) || importedNames.contains(name);
    }

    private boolean isFeatureDirective(String name) {
        return featureNames.contains(name)
                || featureNames.stream().anyMatch(f -> name.startsWith(f + "__"))
                || importedNames.contains(name);
    }

    private boolean isInaccessible(List<Directive> directives) {
        return directives.stream().anyMatch(d -> d.getName().equals(inaccessible));
    }

    private List<Directive> apiDirectives(List<Directive> directives) {
        return directives.stream().filter(d -> !isFeatureDirective(d.getName())).toList();
    }

    private boolean references(Type<?> type) {
        return removedTypes.contains(baseName(type));
    }

    static String baseName(Type<?> type) {
        Type<?> current = type;
        while (!(current instanceof TypeName)) {
            current = (Type<?>) current.getChildren().get(0);
        }
        return ((TypeName) current).getName();
    }

    private Definition<?> clean(Definition<?> definition) {
        if (definition instanceof DirectiveDefinition directive) {
            return isFeatureDirective(directive.getName()) ? null : directive;
        }
        if (definition instanceof SchemaDefinition schema) {
            return schema.transform(b -> b.directives(List.of()).operationTypeDefinitions(schema.getOperationTypeDefinitions().stream()
                    .filter(o -> !removedTypes.contains(o.getTypeName().getName()))
                    .toList()));
        }
        if (definition instanceof TypeDefinition<?> type && removedTypes.contains(type.getName())) {
            return null;
        }
        if (definition instanceof ObjectTypeDefinition object) {
            return object.transform(b -> b.directives(apiDirectives(object.getDirectives()))
                    .implementz(keptInterfaces(object.getImplements()))
                    .fieldDefinitions(fields(object.getFieldDefinitions())));
        }
        if (definition instanceof InterfaceTypeDefinition itf) {
            return itf.transform(b -> b.directives(apiDirectives(itf.getDirectives()))
                    .implementz(keptInterfaces(itf.getImplements()))
                    .definitions(fields(itf.getFieldDefinitions())));
        }
        if (definition instanceof UnionTypeDefinition union) {
            return union.transform(b -> b.directives(apiDirectives(union.getDirectives()))
                    .memberTypes(union.getMemberTypes().stream().filter(t -> !references(t)).toList()));
        }
        if (definition instanceof EnumTypeDefinition enumType) {
            return enumType.transform(b -> b.directives(apiDirectives(enumType.getDirectives()))
                    .enumValueDefinitions(enumType.getEnumValueDefinitions().stream()
                            .filter(v -> !isInaccessible(v.getDirectives()))
                            .map(v -> v.transform(vb -> vb.directives(apiDirectives(v.getDirectives()))))
                            .toList()));
        }
        if (definition instanceof InputObjectTypeDefinition input) {
            return input.transform(b -> b.directives(apiDirectives(input.getDirectives()))
                    .inputValueDefinitions(inputValues(input.getInputValueDefinitions())));
        }
        if (definition instanceof ScalarTypeDefinition scalar) {
            return scalar.transform(b -> b.directives(apiDirectives(scalar.getDirectives())));
        }
        return definition;
    }

    private List<Type> keptInterfaces(List<Type> interfaces) {
        return interfaces.stream().filter(t -> !references(t)).toList();
    }

    private List<FieldDefinition> fields(List<FieldDefinition> fields) {
        return fields.stream()
                .filter(f -> !isInaccessible(f.getDirectives()) && !references(f.getType()))
                .map(f -> f.transform(b -> b.directives(apiDirectives(f.getDirectives()))
                        .inputValueDefinitions(inputValues(f.getInputValueDefinitions()))))
                .toList();
    }

    private List<InputValueDefinition> inputValues(List<InputValueDefinition> values) {
        return values.stream()
                .filter(v -> !isInaccessible(v.getDirectives()) && !references(v.getType()))
                .map(v -> v.transform(b -> b.directives(apiDirectives(v.getDirectives()))))
                .toList();
    }
}
