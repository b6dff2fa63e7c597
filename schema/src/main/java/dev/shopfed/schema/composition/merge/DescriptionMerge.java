package dev.shopfed.schema.composition.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * The supergraph keeps one description per element: the only one, else the only non-empty one, else the most
 * frequent (first seen on ties), as Apollo does.
 */
final class DescriptionMerge {

    private DescriptionMerge() {
    }

    static String merge(List<String> descriptions) {
        List<String> distinct = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (String description : descriptions) {
            if (description == null) {
                continue;
            }
            int index = distinct.indexOf(description);
            if (index < 0) {
                distinct.add(description);
                counts.add(description.isEmpty() ? Long.MIN_VALUE : 1L);
            } else {
                counts.set(index, counts.get(index) + 1);
            }
        }
        if (distinct.isEmpty()) {
            return null;
        }
        List<String> nonEmpty = distinct.stream().filter(d -> !d.isEmpty()).toList();
        if (distinct.size() == 1) {
            return distinct.get(0);
        }
        if (nonEmpty.size() == 1) {
            return nonEmpty.get(0);
        }
        int best = 0;
        for (int i = 1; i < counts.size(); i++) {
            if (counts.get(i) > counts.get(best)) {
                best = i;
            }
        }
        return distinct.get(best);
    }
}
