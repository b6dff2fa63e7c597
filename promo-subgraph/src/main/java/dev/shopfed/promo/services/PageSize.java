package dev.shopfed.promo.services;

import dev.shopfed.promo.errors.PromoException;

/** Validates a {@code first} argument: absent means the default; negative or too large is the caller's error. */
public final class PageSize {

    public static final int MAX = 100;

    private PageSize() {
    }

    public static int of(String argument, Integer requested, int defaultSize) {
        if (requested == null) {
            return defaultSize;
        }
        if (requested < 0) {
            throw PromoException.badUserInput(argument + " must not be negative, got " + requested);
        }
        if (requested > MAX) {
            throw PromoException.badUserInput(argument + " must be at most " + MAX + ", got " + requested);
        }
        return requested;
    }
}
