package dev.shopfed.gateway.persisted;

/** Which operations may run, measured against the persisted query list (the manifest). */
public enum SafelistMode {
  /** Every operation runs; automatic persisted queries register new ones. */
  OFF,
  /** Only operations of the manifest run, named by id or sent as their full text; nothing new is registered. */
  ENFORCE,
  /** Every operation runs, but each one not in the manifest is logged once: for rolling out {@link #ENFORCE}. */
  LOG_ONLY
}
