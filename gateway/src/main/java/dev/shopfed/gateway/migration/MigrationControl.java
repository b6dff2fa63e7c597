package dev.shopfed.gateway.migration;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Where per-request label decisions read their shares from; settable at run time (a watched file, the admin
 * endpoint). One instance outlives every engine, so a supergraph reload keeps the shares. A request reads the
 * shares once: a change applies from the next request on, never halfway through one.
 */
public final class MigrationControl {

  private final AtomicReference<LabelShares> shares;

  public MigrationControl(LabelShares initial) {
    this.shares = new AtomicReference<>(initial == null ? LabelShares.none() : initial);
  }

  public LabelShares current() {
    return shares.get();
  }

  /** Replaces every share at once. */
  public void update(LabelShares next) {
    shares.set(next == null ? LabelShares.none() : next);
  }

  /** Sets one label's share, keeping the others, even when another change lands at the same time. */
  public LabelShares set(String label, double percent) {
    return shares.updateAndGet(current -> current.with(label, percent));
  }
}
