package dev.shopfed.promo;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.List;

/** Assertions on spec-shaped errors: a message, a path or locations, and an {@code extensions.code}. */
public final class GraphQLErrors {

    private GraphQLErrors() {
    }

    public static GraphQLError single(ExecutionResult result, String code) {
        assertThat(result.getErrors()).as("errors of " + result.toSpecification()).hasSize(1);
        GraphQLError error = result.getErrors().get(0);
        assertThat(error.getMessage()).as("message").isNotBlank().doesNotContain("Exception");
        assertThat(error.getExtensions()).as("extensions of " + error).containsEntry("code", code);
        assertThat(error.getPath() != null || !error.getLocations().isEmpty()).as("path or locations of " + error)
                .isTrue();
        return error;
    }

    public static void hasPath(GraphQLError error, Object... path) {
        assertThat(error.getPath()).as("path of " + error).isEqualTo(List.of(path));
    }
}
