package dev.shopfed.commerce.errors;

import com.netflix.graphql.types.errors.ErrorType;

/** Values of {@code extensions.code} in GraphQL errors, each with the matching DGS {@code errorType}. */
public enum ErrorCode {
    BAD_USER_INPUT(ErrorType.BAD_REQUEST),
    UNAUTHENTICATED(ErrorType.UNAUTHENTICATED),
    FORBIDDEN(ErrorType.PERMISSION_DENIED),
    NOT_FOUND(ErrorType.NOT_FOUND),
    EMPTY_CART(ErrorType.FAILED_PRECONDITION),
    INSUFFICIENT_STOCK(ErrorType.FAILED_PRECONDITION),
    ORDER_ALREADY_PAID(ErrorType.FAILED_PRECONDITION),
    ORDER_CANCELLED(ErrorType.FAILED_PRECONDITION),
    /** A price quote that is forged, expired, for another product or another catalogue price. */
    PRICE_QUOTE_INVALID(ErrorType.BAD_REQUEST),
    /** A quoted campaign price lapsed between cart and checkout: nothing was charged, the cart is repriced. */
    PRICE_CHANGED(ErrorType.FAILED_PRECONDITION),
    /** An amount does not fit the schema's Int (whole rupiah). */
    TOTAL_TOO_LARGE(ErrorType.BAD_REQUEST),
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
