package dev.shopfed.gateway.cost;

/**
 * The estimated cost of one operation, or why it could not be estimated.
 *
 * @param estimated the estimated cost, or null when {@code failure} says why there is none
 * @param failure   null, or the reason the operation cannot be costed (a required slicing argument is missing)
 */
public record CostEstimate(Double estimated, String failure) {

  static CostEstimate of(double estimated) {
    return new CostEstimate(estimated, null);
  }

  static CostEstimate failed(String failure) {
    return new CostEstimate(null, failure);
  }
}
