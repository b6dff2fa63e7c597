package dev.shopfed.commerce.services;

import dev.shopfed.commerce.errors.CommerceException;

final class Idempotency {

    static final int MAX_KEY_LENGTH = 200;

    private Idempotency() {
    }

    static String validKey(String key) {
        if (key == null || key.isBlank()) {
            throw CommerceException.badInput("idempotencyKey must not be blank");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw CommerceException.badInput("idempotencyKey must be at most " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }
}
