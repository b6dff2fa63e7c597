package dev.shopfed.gateway.cost;

import java.util.List;
import java.util.Set;

/**
 * A field's {@code @listSize}: how many items its list (or its sized fields' lists) is expected to hold.
 *
 * @param assumedSize               the size when no slicing argument gives one, or null
 * @param slicingArguments          arguments whose largest value is the size, or null when none are named
 * @param sizedFields               child fields whose lists have that size (a connection's {@code edges}); empty when
 *                                  the size is the field's own
 * @param requireOneSlicingArgument whether exactly one slicing argument must have a value
 */
record ListSize(Integer assumedSize, List<String> slicingArguments, Set<String> sizedFields,
    boolean requireOneSlicingArgument) {}
