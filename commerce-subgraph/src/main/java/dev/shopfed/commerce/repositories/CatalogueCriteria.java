package dev.shopfed.commerce.repositories;

import dev.shopfed.commerce.model.ProductFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A catalogue search turned into a SQL condition over {@code products p JOIN shops s}, with named parameters. */
public record CatalogueCriteria(String where, Map<String, Object> params) {

    public CatalogueCriteria {
        params = Map.copyOf(params);
    }

    public static CatalogueCriteria of(String search, ProductFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        // LEGACY products only exist for old orders; the catalogue never lists them.
        conditions.add("p.category <> 'LEGACY'");
        if (search != null && !search.isBlank()) {
            conditions.add("(LOWER(p.name) LIKE :search ESCAPE '!' OR LOWER(p.description) LIKE :search ESCAPE '!')");
            params.put("search", "%" + escapeLike(search.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.category() != null) {
            conditions.add("p.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.city() != null && !filter.city().isBlank()) {
            conditions.add("LOWER(s.city) = :city");
            params.put("city", filter.city().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.minPrice() != null) {
            conditions.add("p.price >= :minPrice");
            params.put("minPrice", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            conditions.add("p.price <= :maxPrice");
            params.put("maxPrice", filter.maxPrice());
        }
        if (Boolean.TRUE.equals(filter.inStockOnly())) {
            conditions.add("p.stock > 0");
        }
        return new CatalogueCriteria(String.join(" AND ", conditions), params);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
