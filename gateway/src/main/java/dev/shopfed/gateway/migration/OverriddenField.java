package dev.shopfed.gateway.migration;

/**
 * A field moving from one subgraph to another under a progressive {@code @override} label.
 *
 * @param coordinate {@code Type.field}
 * @param label      the override label; while it is on for a request, {@code to} serves the field
 * @param from       the subgraph that served it before (name)
 * @param to         the subgraph taking it over (name)
 */
public record OverriddenField(String coordinate, String label, String from, String to) {

  /** The subgraph serving the field for a request with these labels on. */
  public String owner(java.util.Set<String> activeLabels) {
    return activeLabels.contains(label) ? to : from;
  }
}
