package dev.shopfed.promo.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromoPricingTest {

    private static Campaign campaign(int percent) {
        return new Campaign("cmp" + percent, percent + "% off", percent, Instant.EPOCH, Instant.MAX);
    }

    @Test
    void noCampaignMeansNoPromoPrice() {
        assertThat(PromoPricing.promoPrice(125_000, List.of())).isEmpty();
    }

    @Test
    void theBestCampaignWins() {
        assertThat(PromoPricing.promoPrice(200_000, List.of(campaign(10), campaign(25), campaign(15))))
                .contains(Money.rupiah(150_000));
    }

    /** The discount is rounded half up to whole rupiah; the promo price is what remains. */
    @ParameterizedTest
    @CsvSource({
            "125000, 15, 106250", // exact: 18750 off
            "99999, 15, 84999",   // 14999.85 off -> 15000
            "99990, 15, 84991",   // 14998.5 off -> 14999 (half up)
            "99970, 15, 84974",   // 14995.5 off -> 14996
            "1, 50, 0",           // 0.5 off -> 1
            "1, 49, 1",           // 0.49 off -> 0
            "0, 90, 0",
            "2147483647, 90, 214748365"})
    void roundsTheDiscountHalfUp(long price, int percent, int expected) {
        assertThat(PromoPricing.promoPrice(price, List.of(campaign(percent))).orElseThrow().amount())
                .isEqualTo(expected);
    }

    /** Cross-checks the integer arithmetic against BigDecimal over many prices and every percent. */
    @Test
    void agreesWithBigDecimalHalfUp() {
        for (long price = 0; price < 5_000; price += 7) {
            for (int percent = 1; percent <= 90; percent++) {
                long discount = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(percent))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
                assertThat(PromoPricing.promoPrice(price, List.of(campaign(percent))).orElseThrow().amount())
                        .as(percent + "% off " + price).isEqualTo(price - discount);
            }
        }
    }
}
