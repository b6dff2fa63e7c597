package dev.shopfed.gateway.planning;

import java.util.List;
import java.util.Map;

/**
 * How to build the representation of one entity type from the data already fetched: which fields to copy, and which
 * {@code __typename} to send (the interface's name when the subgraph knows the entity as an {@code @interfaceObject}).
 *
 * @param objectType the concrete type of the objects this applies to
 * @param typename   the {@code __typename} sent
 * @param fields     the key and required fields to copy
 * @param keyFields  the key's top-level fields: an object with a null there is no entity to fetch
 * @param concreteTypes when {@code objectType} is an interface object, the object types it stands for: once another
 *                   fetch has told an object's concrete type, the object still matches this shape
 */
public record RepresentationShape(String objectType, String typename, SelectionShape fields, List<String> keyFields,
    java.util.Set<String> concreteTypes) {

  /** A selection of data to copy: fields, and fields that apply only to some concrete types. */
  public record SelectionShape(List<FieldShape> fields, Map<String, SelectionShape> fragments) {}

  /**
   * One field to copy: read from {@code dataKey} in the fetched data, written as {@code name}; {@code children} is
   * null for leaves.
   */
  public record FieldShape(String name, String dataKey, SelectionShape children) {}
}
