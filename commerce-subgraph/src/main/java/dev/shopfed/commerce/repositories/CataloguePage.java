package dev.shopfed.commerce.repositories;

import dev.shopfed.commerce.model.Product;
import java.util.List;

/** One page of products; the query fetched one extra row to learn whether another page exists. */
public record CataloguePage(List<Product> products, boolean hasNextPage, int totalCount) {

    public CataloguePage {
        products = List.copyOf(products);
    }

    static CataloguePage of(List<Product> rowsPlusOne, int first, int totalCount) {
        boolean more = rowsPlusOne.size() > first;
        return new CataloguePage(more ? rowsPlusOne.subList(0, first) : rowsPlusOne, more, totalCount);
    }
}
