package dev.shopfed.promo.errors;

import com.netflix.graphql.types.errors.ErrorType;

/**
 * The {@code extensions.code} values clients see; the names follow Apollo's conventions. Each also carries the
 * DGS error type, so DGS adds a matching {@code errorType} rather than a generic one.
 */
public enum ErrorCode {
    BAD_USER_INPUT(ErrorType.BAD_REQUEST),
    NOT_FOUND(ErrorType.NOT_FOUND),
    GRAPHQL_PARSE_FAILED(ErrorType.BAD_REQUEST),
    GRAPHQL_VALIDATION_FAILED(ErrorType.BAD_REQUEST),
    INTERNAL_SERVER_ERROR(ErrorType.INTERNAL);

    private final ErrorType errorType;

    ErrorCode(ErrorType errorType) {
        this.errorType = errorType;
    }

    public ErrorType errorType() {
        return errorType;
    }
}
