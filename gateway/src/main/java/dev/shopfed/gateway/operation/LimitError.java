package dev.shopfed.gateway.operation;

import dev.shopfed.gateway.limits.LimitViolation;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A document refused by an operation limit: message and code only, no location (the whole document is refused). */
record LimitError(LimitViolation violation) implements GraphQLError {

  @Override
  public String getMessage() {
    return violation.message();
  }

  @Override
  public List<SourceLocation> getLocations() {
    return null;
  }

  @Override
  public ErrorClassification getErrorType() {
    return ErrorType.ValidationError;
  }

  @Override
  public Map<String, Object> getExtensions() {
    return Map.of("code", violation.code());
  }

  @Override
  public Map<String, Object> toSpecification() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", violation.message());
    error.put("extensions", new LinkedHashMap<>(getExtensions()));
    return error;
  }
}
