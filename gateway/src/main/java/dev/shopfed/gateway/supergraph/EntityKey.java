package dev.shopfed.gateway.supergraph;

import graphql.language.SelectionSet;

/**
 * One {@code @key} of a type in one subgraph.
 *
 * @param graph      subgraph id
 * @param fields     the key's field set, parsed
 * @param resolvable false for {@code resolvable: false}: the subgraph references the entity but cannot be asked for it
 */
public record EntityKey(String graph, SelectionSet fields, boolean resolvable) {}
