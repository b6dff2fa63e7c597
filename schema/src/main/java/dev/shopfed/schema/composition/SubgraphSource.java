package dev.shopfed.schema.composition;

/** One subgraph to compose: its name (as in {@code @join__graph(name:)}), routing url and SDL. */
public record SubgraphSource(String name, String url, String sdl) {
}
