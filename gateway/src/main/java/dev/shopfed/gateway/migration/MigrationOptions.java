package dev.shopfed.gateway.migration;

/**
 * Progressive override at run time ({@code gateway.migration.*}). The control and the counts are shared by every
 * engine the HTTP layer loads, so shares and counts survive a supergraph reload.
 *
 * @param control  the custom labels' shares, changed at run time
 * @param counts   per label on/off decisions since start
 * @param stickyBy what ties a request to one buyer; none: every request draws anew
 */
public record MigrationOptions(MigrationControl control, OverrideCounts counts, StickyKey stickyBy) {

  public MigrationOptions {
    control = control == null ? new MigrationControl(LabelShares.none()) : control;
    counts = counts == null ? new OverrideCounts() : counts;
    stickyBy = stickyBy == null ? StickyKey.none() : stickyBy;
  }

  /** Every custom label off (unless {@code gateway.override-labels} lists it), no stickiness; fresh counts. */
  public static MigrationOptions defaults() {
    return new MigrationOptions(null, null, null);
  }
}
