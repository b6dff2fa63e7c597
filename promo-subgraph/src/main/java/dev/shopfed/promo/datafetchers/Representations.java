package dev.shopfed.promo.datafetchers;

import dev.shopfed.promo.errors.PromoException;
import java.util.Map;

/** Reads entity representations ({@code _entities(representations: ...)}) sent by the gateway. */
final class Representations {

    private Representations() {
    }

    static String id(Map<String, Object> representation) {
        Object id = representation.get("id");
        if (!(id instanceof String) && !(id instanceof Number)) {
            throw PromoException.badUserInput(representation.get("__typename") + " representation needs an id");
        }
        return id.toString();
    }

    /** Unknown ids resolve to null with a NOT_FOUND error at {@code _entities[i]}. */
    static <T> T found(T entity, String typename, String id) {
        if (entity == null) {
            throw PromoException.notFound(typename, id);
        }
        return entity;
    }
}
