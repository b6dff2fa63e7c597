package dev.shopfed.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** What the GraphQL spec and GraphQL-over-HTTP say an error response looks like. */
public final class SpecShape {

  private SpecShape() {}

  /**
   * A request error (parse, validation, variable coercion): rejected before execution, so HTTP
   * 400 under {@code application/graphql-response+json}, a non-empty {@code errors} list, and no
   * {@code data} entry at all.
   */
  public static JsonNode assertRequestError(GraphQLResponse response) {
    assertThat(response.status()).as(response.label() + ": status of a request error; got " + response.describe())
        .isEqualTo(400);
    assertThat(response.body()).as(response.label() + ": body is JSON; got " + response.describe()).isNotNull();
    assertThat(response.body().has("data"))
        .as(response.label() + ": a request error has no data entry; got " + response.describe()).isFalse();
    return assertErrorList(response);
  }

  /** A field error during execution: HTTP 200, data present (possibly null), errors with a path. */
  public static JsonNode assertFieldError(GraphQLResponse response, String field) {
    assertThat(response.status()).as(response.label() + ": status of a field error; got " + response.describe())
        .isEqualTo(200);
    assertThat(response.body()).as(response.label() + ": body is JSON; got " + response.describe()).isNotNull();
    assertThat(response.body().has("data"))
        .as(response.label() + ": execution started, so data is present; got " + response.describe()).isTrue();
    JsonNode errors = assertErrorList(response);
    assertThat(errors.get(0).path("path").get(0).asString())
        .as(response.label() + ": the error's path starts at " + field + "; got " + response.describe())
        .isEqualTo(field);
    return errors;
  }

  private static JsonNode assertErrorList(GraphQLResponse response) {
    JsonNode errors = response.errors();
    assertThat(errors != null && errors.isArray() && !errors.isEmpty())
        .as(response.label() + ": a non-empty errors list; got " + response.describe()).isTrue();
    for (JsonNode error : errors) {
      assertThat(error.path("message").isString())
          .as(response.label() + ": every error has a message string; got " + error).isTrue();
      for (JsonNode location : error.path("locations")) {
        assertThat(location.path("line").asInt()).as(response.label() + ": location line " + location).isPositive();
        assertThat(location.path("column").asInt()).as(response.label() + ": location column " + location)
            .isPositive();
      }
    }
    return errors;
  }
}
