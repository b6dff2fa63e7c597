package dev.shopfed.promo.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.CampaignTarget;
import dev.shopfed.promo.model.PurchaseHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignRecommendationsTest {

    private static final Campaign BEAUTY = campaign("beauty", 20);
    private static final Campaign GADGETS = campaign("gadgets", 10);
    private static final Campaign FLASH = campaign("flash", 35);
    private static final Campaign ALSO_FLASH = campaign("also-flash", 35);

    private static final List<CampaignTarget> TARGETS = List.of(
            new CampaignTarget(BEAUTY, "BEAUTY", null),
            new CampaignTarget(BEAUTY, null, "s3"),
            new CampaignTarget(GADGETS, "ELECTRONICS", null),
            new CampaignTarget(GADGETS, null, "s2"),
            new CampaignTarget(GADGETS, null, "s8"),
            new CampaignTarget(FLASH, null, "s10"),
            new CampaignTarget(ALSO_FLASH, null, "s10"));

    private static Campaign campaign(String id, int percent) {
        return new Campaign(id, id, percent, Instant.EPOCH, Instant.MAX);
    }

    private static List<String> ranked(List<String> categories, List<String> shopIds) {
        return CampaignRecommendations.rank(new PurchaseHistory(categories, shopIds), TARGETS).stream()
                .map(Campaign::id).toList();
    }

    @Test
    void nothingBoughtThatIsTargetedMeansNoRecommendations() {
        assertThat(ranked(List.of(), List.of())).isEmpty();
        assertThat(ranked(List.of("TOYS"), List.of("s99"))).isEmpty();
    }

    @Test
    void aCategoryOrAShopIsEnough() {
        assertThat(ranked(List.of("BEAUTY"), List.of())).containsExactly("beauty");
        assertThat(ranked(List.of(), List.of("s8"))).containsExactly("gadgets");
    }

    @Test
    void moreTargetsHitBeatABiggerDiscount() {
        assertThat(ranked(List.of("ELECTRONICS"), List.of("s2", "s10"))).containsExactly("gadgets", "flash", "also-flash");
    }

    @Test
    void equalHitsGoByDiscountThenCampaignOrder() {
        assertThat(ranked(List.of("BEAUTY", "ELECTRONICS"), List.of("s10")))
                .containsExactly("flash", "also-flash", "beauty", "gadgets");
    }

    @Test
    void aHistoryIsASetWhateverOrderItCameIn() {
        assertThat(new PurchaseHistory(List.of("HOME", "BEAUTY", "HOME"), List.of("s9", "s10")))
                .isEqualTo(new PurchaseHistory(List.of("BEAUTY", "HOME"), List.of("s10", "s9")));
    }
}
