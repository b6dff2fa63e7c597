package dev.shopfed.gateway.supergraph;

/**
 * One subgraph named by the supergraph's {@code join__Graph} enum.
 *
 * @param id   the enum value ({@code ACCOUNTS}), how join directives refer to it
 * @param name the subgraph name ({@code accounts}), how people and {@code @override(from:)} refer to it
 * @param url  where its GraphQL endpoint is (possibly overridden by configuration)
 */
public record Subgraph(String id, String name, String url) {}
