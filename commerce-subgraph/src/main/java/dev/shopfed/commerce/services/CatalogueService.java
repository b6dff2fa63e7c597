package dev.shopfed.commerce.services;

import dev.shopfed.commerce.errors.CommerceException;
import dev.shopfed.commerce.model.PageInfo;
import dev.shopfed.commerce.model.ProductConnection;
import dev.shopfed.commerce.model.ProductEdge;
import dev.shopfed.commerce.model.ProductFilter;
import dev.shopfed.commerce.repositories.CatalogueCriteria;
import dev.shopfed.commerce.repositories.CataloguePage;
import dev.shopfed.commerce.repositories.ProductRepository;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class CatalogueService {

    private final ProductRepository products;

    public CatalogueService(ProductRepository products) {
        this.products = products;
    }

    public ProductConnection search(String search, ProductFilter filter, Integer first, String after) {
        ProductFilter criteria = filter == null ? ProductFilter.NONE : filter;
        if (criteria.minPrice() != null && criteria.maxPrice() != null && criteria.minPrice() > criteria.maxPrice()) {
            throw CommerceException.badInput("filter.minPrice must not be greater than filter.maxPrice");
        }
        CataloguePage page = products.search(CatalogueCriteria.of(search, criteria), Pagination.pageSize(first), Pagination.afterSeq(after));
        return connectionOf(page);
    }

    public static ProductConnection connectionOf(CataloguePage page) {
        List<ProductEdge> edges = page.products().stream()
                .map(product -> new ProductEdge(Pagination.cursorOf(product.seq()), product))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new ProductConnection(edges, new PageInfo(page.hasNextPage(), endCursor), page.totalCount());
    }
}
