package dev.shopfed.gateway.cost;

/**
 * Settings of demand control ({@code gateway.demand-control.*}).
 *
 * @param enabled  whether operations are costed at all
 * @param maxCost  the largest estimated cost an operation may have
 * @param listSize the size assumed for a list nothing else sizes (no {@code @listSize}, no slicing argument)
 * @param mode     {@code ENFORCE} refuses operations over the maximum; {@code MEASURE} only computes and reports
 */
public record DemandControlOptions(boolean enabled, long maxCost, int listSize, Mode mode) {

  public static final long DEFAULT_MAX_COST = 10000;
  public static final int DEFAULT_LIST_SIZE = 10;

  public enum Mode {
    ENFORCE,
    MEASURE
  }

  public DemandControlOptions {
    if (maxCost < 0 || listSize < 0) {
      throw new IllegalArgumentException("gateway.demand-control.max-cost and list-size must not be negative");
    }
    mode = mode == null ? Mode.ENFORCE : mode;
  }

  public static DemandControlOptions defaults() {
    return new DemandControlOptions(true, DEFAULT_MAX_COST, DEFAULT_LIST_SIZE, Mode.ENFORCE);
  }
}
