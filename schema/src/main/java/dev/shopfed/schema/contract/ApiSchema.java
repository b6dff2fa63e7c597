package dev.shopfed.schema.contract;

import dev.shopfed.schema.composition.print.SdlPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import java.util.List;

/**
 * The schema clients see: the supergraph without the join/link machinery and without {@code @inaccessible}
 * elements. Kept as a graphql-java document so it prints in the same layout as the supergraph.
 */
public record ApiSchema(Document document) {

    public static ApiSchema fromSupergraph(String supergraphSdl) {
        return new ApiSchema(new ApiSchemaExtraction(parseSdl(supergraphSdl)).extract());
    }

    /** An API schema that was printed before, e.g. the committed contract. */
    public static ApiSchema parse(String apiSdl) {
        return new ApiSchema(parseSdl(apiSdl));
    }

    public String print() {
        return SdlPrinter.print(document) + "\n";
    }

    public GraphQLSchema toGraphQLSchema() {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(document));
    }

    public List<Definition> definitions() {
        return document.getDefinitions();
    }

    static Document parseSdl(String sdl) {
        return Parser.parse(ParserEnvironment.newParserEnvironment()
                .document(sdl)
                .parserOptions(ParserOptions.getDefaultSdlParserOptions())
                .build());
    }
}
