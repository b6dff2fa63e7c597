package dev.shopfed.gateway.cost;

/** The operation cannot be costed as the schema's cost directives ask (a required slicing argument is missing). */
final class CostException extends RuntimeException {

  CostException(String message) {
    super(message, null, false, false);
  }
}
