package dev.shopfed.promo.services;

import dev.shopfed.promo.errors.PromoException;
import dev.shopfed.promo.repositories.FeedPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Opaque feed cursors: base64url of {@code feed|<postedAt>|<kind>|<seq>}. Clients must not build them; anything
 * that does not decode to a feed position is rejected as bad input.
 */
public final class FeedCursor {

    private static final String PREFIX = "feed";

    private FeedCursor() {
    }

    public static String encode(FeedPosition position) {
        String plain = String.join("|", PREFIX, position.postedAt().toString(),
                Integer.toString(position.kind()), Integer.toString(position.seq()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static FeedPosition decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals(PREFIX)) {
                throw malformed(cursor);
            }
            int kind = Integer.parseInt(parts[2]);
            int seq = Integer.parseInt(parts[3]);
            if (kind < FeedPosition.VIDEO || kind > FeedPosition.PRODUCT || seq < 1) {
                throw malformed(cursor);
            }
            return new FeedPosition(Instant.parse(parts[1]), kind, seq);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw malformed(cursor);
        }
    }

    private static PromoException malformed(String cursor) {
        return PromoException.badUserInput("after is not a feed cursor: \"" + cursor + "\"");
    }
}
