package dev.shopfed.promo.errors;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.CoercingParseValueException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives errors raised by graphql-java itself (syntax, validation, variable coercion) an {@code extensions.code},
 * so every error a client sees has one. It runs first: DGS's own error instrumentation rewraps these errors and
 * loses the types this one tells apart.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ErrorCodeInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().stream().allMatch(ErrorCodeInstrumentation::hasCode)) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream().map(ErrorCodeInstrumentation::withCode).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    private static GraphQLError withCode(GraphQLError error) {
        if (hasCode(error)) {
            return error;
        }
        Map<String, Object> extensions = new HashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", codeFor(error).name());
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }

    private static ErrorCode codeFor(GraphQLError error) {
        // A variable of the wrong type is the caller's input, not a malformed document.
        if (error instanceof CoercingParseValueException || error instanceof NonNullableValueCoercedAsNullException) {
            return ErrorCode.BAD_USER_INPUT;
        }
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        return ErrorCode.INTERNAL_SERVER_ERROR;
    }
}
