package dev.shopfed.commerce.services;

import dev.shopfed.commerce.errors.CommerceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Page sizes and opaque cursors. A cursor wraps a product's {@code seq}; clients must not parse it. */
public final class Pagination {

    public static final int MAX_PAGE_SIZE = 100;
    private static final String PREFIX = "product:";

    private Pagination() {
    }

    public static int pageSize(Integer first) {
        if (first == null) {
            return 20;
        }
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw CommerceException.badInput("first must be between 0 and " + MAX_PAGE_SIZE + ", was " + first);
        }
        return first;
    }

    public static String cursorOf(int seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code seq} after which the page starts; 0 without a cursor. */
    public static int afterSeq(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return Integer.parseInt(decoded.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException notACursor) {
            // falls through to the error below (NumberFormatException is an IllegalArgumentException)
        }
        throw CommerceException.badInput("after is not a cursor returned by this API: " + cursor);
    }
}
