package dev.shopfed.gateway.operation;

import dev.shopfed.gateway.limits.DocumentLimits;
import dev.shopfed.gateway.limits.LimitViolation;
import dev.shopfed.gateway.limits.OperationLimits;
import dev.shopfed.gateway.telemetry.Telemetry;
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
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses client documents, checks them against the operation limits (before validation, whose cost grows with the
 * expanded document), then validates them against the API schema.
 */
public final class DocumentParser {

  private final GraphQLSchema schema;
  private final DocumentLimits limits;
  private final Telemetry telemetry;

  public DocumentParser(GraphQLSchema schema) {
    this(schema, OperationLimits.defaults());
  }

  public DocumentParser(GraphQLSchema schema, OperationLimits limits) {
    this(schema, limits, Telemetry.none());
  }

  /** @param telemetry gets a {@code parse} and a {@code validate} span per document */
  public DocumentParser(GraphQLSchema schema, OperationLimits limits, Telemetry telemetry) {
    this.schema = schema;
    this.limits = new DocumentLimits(limits);
    this.telemetry = telemetry;
  }

  public ParsedDocument parse(String query) {
    Object parsed = telemetry.stage("parse", () -> parseChecked(query));
    if (parsed instanceof ParsedDocument refused) {
      return refused;
    }
    Document document = (Document) parsed;
    return telemetry.stage("validate", () -> validate(document));
  }

  /** The document, or the refusal when it does not parse or breaks a limit. */
  private Object parseChecked(String query) {
    Optional<LimitViolation> tooLarge = limits.checkText(query);
    if (tooLarge.isPresent()) {
      return refused(tooLarge.get());
    }
    Document document;
    try {
      document = limits.parse(query);
    } catch (InvalidSyntaxException e) {
      Optional<LimitViolation> cancelled = limits.parseCancelled(e);
      if (cancelled.isPresent()) {
        return refused(cancelled.get());
      }
      InvalidSyntaxError error = e.toInvalidSyntaxError();
      return new ParsedDocument(null, List.of(withCode(error, "GRAPHQL_PARSE_FAILED")), Set.of());
    } catch (RuntimeException e) {
      // whatever else the parser throws, the request is still just bad input
      GraphQLError error = GraphqlErrorBuilder.newError().message(e.getMessage()).errorType(ErrorType.InvalidSyntax).build();
      return new ParsedDocument(null, List.of(withCode(error, "GRAPHQL_PARSE_FAILED")), Set.of());
    }
    Optional<LimitViolation> violation = limits.check(document);
    if (violation.isPresent()) {
      return refused(violation.get());
    }
    return document;
  }

  private ParsedDocument validate(Document document) {
    List<ValidationError> validation = new Validator().validateDocument(schema, document, Locale.ENGLISH);
    if (!validation.isEmpty()) {
      List<GraphQLError> errors = validation.stream().map(v -> withCode(v, "GRAPHQL_VALIDATION_FAILED")).toList();
      return new ParsedDocument(document, errors, Set.of());
    }
    return new ParsedDocument(document, List.of(), conditionVariables(document));
  }

  private static ParsedDocument refused(LimitViolation violation) {
    return new ParsedDocument(null, List.of(new LimitError(violation)), Set.of());
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
