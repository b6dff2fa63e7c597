package dev.shopfed.promo.model;

import java.util.List;

public record FeedConnection(List<FeedEdge> edges, PageInfo pageInfo) {
}
