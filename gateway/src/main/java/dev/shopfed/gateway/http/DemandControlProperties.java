package dev.shopfed.gateway.http;

import dev.shopfed.gateway.cost.DemandControlOptions;
import java.util.Locale;

/**
 * The {@code gateway.demand-control.*} settings; those left unset take {@link DemandControlOptions#defaults()}.
 *
 * @param enabled  whether operations are costed (default true)
 * @param maxCost  the largest estimated cost accepted (default {@value DemandControlOptions#DEFAULT_MAX_COST})
 * @param listSize the size assumed for lists nothing sizes (default {@value DemandControlOptions#DEFAULT_LIST_SIZE})
 * @param mode     {@code enforce} (default) refuses operations over the maximum, {@code measure} only reports
 */
public record DemandControlProperties(Boolean enabled, Long maxCost, Integer listSize, String mode) {

  DemandControlOptions engineOptions() {
    DemandControlOptions defaults = DemandControlOptions.defaults();
    return new DemandControlOptions(
        enabled == null ? defaults.enabled() : enabled,
        maxCost == null ? defaults.maxCost() : maxCost,
        listSize == null ? defaults.listSize() : listSize,
        mode == null ? defaults.mode() : mode(mode));
  }

  private static DemandControlOptions.Mode mode(String value) {
    try {
      return DemandControlOptions.Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("gateway.demand-control.mode must be enforce or measure, not " + value, e);
    }
  }
}
