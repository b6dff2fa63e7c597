package dev.shopfed.promo.dataloaders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** Shapes one batch query's result into what a MappedBatchLoader returns. */
final class Batches {

    private Batches() {
    }

    /** Every key gets a list: owners without rows get an empty one rather than null. */
    static <T> Map<String, List<T>> listPerKey(Set<String> keys, Map<String, List<T>> found) {
        Map<String, List<T>> result = new HashMap<>();
        for (String key : keys) {
            result.put(key, found.getOrDefault(key, List.of()));
        }
        return result;
    }

    /** Loads up to the largest {@code first} once, then trims each key to its own {@code first}. */
    static <T> Map<OwnedPage, List<T>> pages(Set<OwnedPage> keys,
            BiFunction<Set<String>, Integer, Map<String, List<T>>> newest) {
        int limit = keys.stream().mapToInt(OwnedPage::first).max().orElse(0);
        Set<String> owners = keys.stream().map(OwnedPage::ownerId).collect(Collectors.toSet());
        Map<String, List<T>> found = newest.apply(owners, limit);
        Map<OwnedPage, List<T>> result = new HashMap<>();
        for (OwnedPage key : keys) {
            List<T> items = found.getOrDefault(key.ownerId(), List.of());
            result.put(key, List.copyOf(items.subList(0, Math.min(key.first(), items.size()))));
        }
        return result;
    }
}
