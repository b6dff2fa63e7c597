package dev.shopfed.schema.composition.satisfiability;

import java.util.Set;

/** Result of advancing to a field: satisfiable, with the states it leads to (none when the path is dead). */
record Advance(boolean satisfiable, Set<State> next) {

    static final Advance FAILED = new Advance(false, Set.of());
}
