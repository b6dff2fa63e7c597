package dev.shopfed.gateway.planning;

/** The operation cannot be planned over this supergraph; the message names the field and why. */
public class PlanningException extends RuntimeException {
  public PlanningException(String message) {
    super(message);
  }
}
