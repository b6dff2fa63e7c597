package dev.shopfed.gateway;

/**
 * What the engine shows clients besides their data.
 *
 * @param introspection  whether operations may select {@code __schema} or {@code __type}; {@code __typename} is
 *                       always allowed
 * @param subgraphErrors whether subgraph errors pass through as the subgraphs wrote them (for development); when
 *                       false, internal ones are masked and the rest lose the extensions that leak internals
 */
public record ExposureOptions(boolean introspection, boolean subgraphErrors) {

  public static ExposureOptions defaults() {
    return new ExposureOptions(true, false);
  }
}
