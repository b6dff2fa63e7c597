package dev.shopfed.promo.errors;

import com.netflix.graphql.dgs.exceptions.MissingDgsEntityFetcherException;
import com.netflix.graphql.dgs.exceptions.MissingFederatedQueryArgument;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions from data fetchers (and entity fetchers) into spec-shaped errors with an
 * {@code extensions.code}. Unexpected exceptions are logged and reported without their details.
 */
@Component
public class PromoExceptionHandler implements DataFetcherExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PromoExceptionHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable exception = unwrap(parameters.getException());
        ErrorCode code = ErrorCode.INTERNAL_SERVER_ERROR;
        String message = "Internal server error";
        if (exception instanceof PromoException promo) {
            code = promo.code();
            message = promo.getMessage();
        } else if (exception instanceof MissingDgsEntityFetcherException
                || exception instanceof MissingFederatedQueryArgument) {
            // A representation of a type promo does not resolve, or one without __typename.
            code = ErrorCode.BAD_USER_INPUT;
            message = exception.getMessage();
        } else {
            log.error("Data fetcher failed at {}", parameters.getPath(), exception);
        }
        GraphQLError error = GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
                .message(message)
                .errorType(code.errorType())
                .extensions(Map.of("code", code.name()))
                .build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
