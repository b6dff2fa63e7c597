package dev.shopfed.commerce.model;

import java.util.List;

public record ProductConnection(List<ProductEdge> edges, PageInfo pageInfo, int totalCount) {

    public ProductConnection {
        edges = List.copyOf(edges);
    }
}
