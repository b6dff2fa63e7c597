package dev.shopfed.schema.composition;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.Node;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.UnionTypeDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A supergraph SDL with every order normalised (definitions, fields, values, members, arguments, directive
 * applications), so two composers' outputs compare on content alone.
 */
final class CanonicalSdl {

    private CanonicalSdl() {
    }

    static String of(String sdl) {
        Document document = Parser.parse(ParserEnvironment.newParserEnvironment().document(sdl)
                .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
        return document.getDefinitions().stream()
                .map(CanonicalSdl::canonical)
                .map(AstPrinter::printAst)
                .sorted()
                .collect(Collectors.joining("\n\n"));
    }

    private static <T extends Node<?>> List<T> sorted(List<T> nodes) {
        return nodes.stream().sorted(Comparator.comparing(AstPrinter::printAst)).toList();
    }

    private static List<Directive> directives(List<Directive> directives) {
        return sorted(directives);
    }

    private static List<InputValueDefinition> inputValues(List<InputValueDefinition> values) {
        return sorted(values.stream().map(v -> v.transform(b -> b.directives(directives(v.getDirectives())))).toList());
    }

    private static List<FieldDefinition> fields(List<FieldDefinition> fields) {
        return sorted(fields.stream().map(f -> f.transform(b -> b.directives(directives(f.getDirectives()))
                .inputValueDefinitions(inputValues(f.getInputValueDefinitions())))).toList());
    }

    private static List<Type> types(List<Type> types) {
        return types.stream().sorted(Comparator.comparing(t -> AstPrinter.printAst(t))).toList();
    }

    private static Node<?> canonical(Definition<?> definition) {
        if (definition instanceof SchemaDefinition schema) {
            return schema.transform(b -> b.directives(directives(schema.getDirectives()))
                    .operationTypeDefinitions(sorted(schema.getOperationTypeDefinitions())));
        }
        if (definition instanceof DirectiveDefinition directive) {
            return directive.transform(b -> b.inputValueDefinitions(inputValues(directive.getInputValueDefinitions()))
                    .directiveLocations(sorted(directive.getDirectiveLocations())));
        }
        if (definition instanceof ObjectTypeDefinition object) {
            return object.transform(b -> b.directives(directives(object.getDirectives())).implementz(types(object.getImplements()))
                    .fieldDefinitions(fields(object.getFieldDefinitions())));
        }
        if (definition instanceof InterfaceTypeDefinition itf) {
            return itf.transform(b -> b.directives(directives(itf.getDirectives())).implementz(types(itf.getImplements()))
                    .definitions(fields(itf.getFieldDefinitions())));
        }
        if (definition instanceof UnionTypeDefinition union) {
            return union.transform(b -> b.directives(directives(union.getDirectives())).memberTypes(types(union.getMemberTypes())));
        }
        if (definition instanceof EnumTypeDefinition enumType) {
            List<EnumValueDefinition> values = sorted(enumType.getEnumValueDefinitions().stream()
                    .map(v -> v.transform(b -> b.directives(directives(v.getDirectives())))).toList());
            return enumType.transform(b -> b.directives(directives(enumType.getDirectives())).enumValueDefinitions(values));
        }
        if (definition instanceof InputObjectTypeDefinition input) {
            return input.transform(b -> b.directives(directives(input.getDirectives()))
                    .inputValueDefinitions(inputValues(input.getInputValueDefinitions())));
        }
        return definition;
    }
}
