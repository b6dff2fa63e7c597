package dev.shopfed.commerce.datafetchers;

import dev.shopfed.commerce.errors.CommerceException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Shared rules for {@code _entities} representations: they need an id, and an unknown id is an error. */
final class EntityReferences {

    private EntityReferences() {
    }

    static String idOf(Map<String, Object> representation) {
        Object id = representation.get("id");
        if (id == null) {
            throw CommerceException.badInput("Representation of " + representation.get("__typename") + " has no id");
        }
        return id.toString();
    }

    static <T> CompletableFuture<T> required(CompletableFuture<T> loading, String type, String id) {
        return loading.thenApply(found -> {
            if (found == null) {
                throw CommerceException.notFound("No " + type + " with id " + id);
            }
            return found;
        });
    }
}
