package dev.shopfed.commerce.errors;

import com.netflix.graphql.dgs.exceptions.DgsInvalidInputArgumentException;
import com.netflix.graphql.types.errors.TypedGraphQLError;
import graphql.GraphQLError;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.CoercingParseValueException;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns data fetcher exceptions into spec-shaped errors with {@code extensions.code}.
 * Unexpected exceptions are logged and reported without internals.
 */
@Component
public class CommerceExceptionHandler implements DataFetcherExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommerceExceptionHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters params) {
        Throwable exception = unwrap(params.getException());
        ErrorCode code = codeOf(exception);
        DataFetchingEnvironment env = params.getDataFetchingEnvironment();
        GraphQLError error = TypedGraphQLError.newBuilder()
                .errorType(code.errorType())
                .message(messageOf(exception))
                .path(env.getExecutionStepInfo().getPath())
                .location(env.getField() == null ? null : env.getField().getSourceLocation())
                .extensions(extensionsOf(exception, code))
                .build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    private static Map<String, Object> extensionsOf(Throwable exception, ErrorCode code) {
        if (!(exception instanceof CommerceException commerce) || commerce.extensions().isEmpty()) {
            return Map.of("code", code.name());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        extensions.putAll(commerce.extensions());
        return extensions;
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static ErrorCode codeOf(Throwable exception) {
        if (exception instanceof CommerceException commerce) {
            return commerce.code();
        }
        if (isBadInput(exception)) {
            return ErrorCode.BAD_USER_INPUT;
        }
        return ErrorCode.INTERNAL_SERVER_ERROR;
    }

    private static String messageOf(Throwable exception) {
        if (exception instanceof CommerceException) {
            return exception.getMessage();
        }
        if (isBadInput(exception)) {
            return "Invalid argument: " + exception.getMessage();
        }
        log.error("Unexpected error in a data fetcher", exception);
        return "Internal server error";
    }

    private static boolean isBadInput(Throwable exception) {
        return exception instanceof DgsInvalidInputArgumentException || exception instanceof CoercingParseValueException;
    }
}
