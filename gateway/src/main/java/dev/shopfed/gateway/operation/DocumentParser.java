package dev.shopfed.gateway.operation;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses and validates client documents against the API schema. */
public final class DocumentParser {

  private final GraphQLSchema schema;

  public DocumentParser(GraphQLSchema schema) {
    this.schema = schema;
  }

  public ParsedDocument parse(String query) {
    Document document;
    try {
      document = Parser.parse(query);
    } catch (InvalidSyntaxException e) {
      InvalidSyntaxError error = e.toInvalidSyntaxError();
      return new ParsedDocument(null, List.of(withCode(error, "GRAPHQL_PARSE_FAILED")), Set.of());
    } catch (RuntimeException e) {
      // parser limits (token counts, depth) surface as other exceptions; the request is still just bad input
      GraphQLError error = GraphqlErrorBuilder.newError().message(e.getMessage()).errorType(ErrorType.InvalidSyntax).build();
      return new ParsedDocument(null, List.of(withCode(error, "GRAPHQL_PARSE_FAILED")), Set.of());
    }
    List<ValidationError> validation = new Validator().validateDocument(schema, document, Locale.ENGLISH);
    if (!validation.isEmpty()) {
      List<GraphQLError> errors = validation.stream().map(v -> withCode(v, "GRAPHQL_VALIDATION_FAILED")).toList();
      return new ParsedDocument(document, errors, Set.of());
    }
    return new ParsedDocument(document, List.of(), conditionVariables(document));
  }

  private static GraphQLError withCode(GraphQLError error, String code) {
    return GraphqlErrorBuilder.newError()
        .message(error.getMessage())
        .locations(error.getLocations())
        .errorType(error.getErrorType())
        .extensions(Map.of("code", code))
        .build();
  }

  private static Set<String> conditionVariables(Document document) {
    Set<String> names = new HashSet<>();
    new NodeTraverser().depthFirst(new NodeVisitorStub() {
      @Override
      public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
        if (node.getName().equals("skip") || node.getName().equals("include")) {
          Argument condition = node.getArgument("if");
          if (condition != null && condition.getValue() instanceof VariableReference v) {
            names.add(v.getName());
          }
        }
        return TraversalControl.CONTINUE;
      }
    }, document);
    return names;
  }
}
