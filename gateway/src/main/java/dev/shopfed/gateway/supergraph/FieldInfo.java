package dev.shopfed.gateway.supergraph;

import java.util.Map;

/**
 * A field of a composite type with the subgraphs that know it.
 *
 * @param parentType  the type the field is declared on
 * @param name        field name
 * @param typeName    the field's named (unwrapped) type
 * @param listDepth   how many list wrappers the field's type has (each is a "@" step in response paths)
 * @param sources     per subgraph id; when the field carries no {@code @join__field} every subgraph of the parent type
 *                    is a source
 * @param fromInterfaceObject the field has a graph-less {@code @join__field}: it is served through an
 *                    {@code @interfaceObject} of one of the type's interfaces
 */
public record FieldInfo(
    String parentType,
    String name,
    String typeName,
    int listDepth,
    Map<String, FieldSource> sources,
    boolean fromInterfaceObject) {

  public FieldSource source(String graph) {
    return sources.get(graph);
  }
}
