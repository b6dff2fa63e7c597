package dev.shopfed.promo.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopfed.promo.errors.ErrorCode;
import dev.shopfed.promo.errors.PromoException;
import dev.shopfed.promo.repositories.FeedPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    @Test
    void roundTrips() {
        FeedPosition position = new FeedPosition(Instant.parse("2025-03-14T10:15:30.123456Z"), FeedPosition.PRODUCT, 17);
        String cursor = FeedCursor.encode(position);
        assertThat(cursor).doesNotContain("2025", "|");
        assertThat(FeedCursor.decode(cursor)).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not a cursor", "%%%",
            "feed|2025-03-14T10:15:30Z|1",
            "feed|2025-03-14T10:15:30Z|1|1|1",
            "shop|2025-03-14T10:15:30Z|1|1",
            "feed|yesterday|1|1",
            "feed|2025-03-14T10:15:30Z|4|1",
            "feed|2025-03-14T10:15:30Z|1|0",
            "feed|2025-03-14T10:15:30Z|one|1"})
    void rejectsAnythingElseAsBadUserInput(String plain) {
        String cursor = plain.startsWith("feed|") || plain.startsWith("shop|")
                ? Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8))
                : plain;
        assertThatThrownBy(() -> FeedCursor.decode(cursor))
                .isInstanceOfSatisfying(PromoException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT));
    }
}
