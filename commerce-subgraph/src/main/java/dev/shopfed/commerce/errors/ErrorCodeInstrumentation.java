package dev.shopfed.commerce.errors;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Gives errors raised by graphql-java itself (syntax, validation, variable coercion) an
 * {@code extensions.code}, so every error a client sees has one.
 */
@Component
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

    /** DGS may already have replaced graphql-java's classification by its own, keeping the original in extensions. */
    private static ErrorCode codeFor(GraphQLError error) {
        Object classification = error.getExtensions() == null ? null : error.getExtensions().get("classification");
        String name = classification != null ? classification.toString() : String.valueOf(error.getErrorType());
        if (ErrorType.InvalidSyntax.name().equals(name)) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (ErrorType.ValidationError.name().equals(name)) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if (com.netflix.graphql.types.errors.ErrorType.BAD_REQUEST.name().equals(String.valueOf(error.getErrorType()))) {
            return ErrorCode.BAD_USER_INPUT;
        }
        return ErrorCode.INTERNAL_SERVER_ERROR;
    }
}
