package dev.shopfed.promo.datafetchers;

import static dev.shopfed.promo.Entities.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.Entities;
import dev.shopfed.promo.GraphQLErrors;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.TestClock;
import dev.shopfed.promo.dataloaders.CampaignsById;
import dev.shopfed.promo.dataloaders.VouchersByCampaign;
import dev.shopfed.promo.model.Money;
import dev.shopfed.promo.repositories.CampaignRepository;
import graphql.ExecutionResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PromoSliceTest({CampaignDataFetcher.class, CampaignsById.class, VouchersByCampaign.class, CampaignRepository.class})
class CampaignDataFetcherTest {

    private static final String CAMPAIGN = """
            ... on Campaign {
              id name discountPercent startsAt endsAt active
              vouchers { code description discountPercent minSpend { amount currency formatted } }
            }""";

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    /** "active" is judged against the (pinned) clock: the seed has campaigns before, around and after it. */
    @Test
    void activeFollowsTheClock() {
        Instant now = Instant.parse(TestClock.DEFAULT_NOW);
        List<Map<String, Object>> campaigns = jdbc.sql("SELECT id, starts_at, ends_at FROM campaigns ORDER BY seq")
                .query().listOfRows();
        List<Map<String, Object>> representations = campaigns.stream()
                .map(row -> ref("Campaign", (String) row.get("id")))
                .toList();

        ExecutionResult result = Entities.resolve(graphql, "... on Campaign { id active startsAt endsAt }",
                representations);
        assertThat(result.getErrors()).isEmpty();
        List<Boolean> active = Entities.json(result).read("data._entities[*].active");
        List<String> startsAt = Entities.json(result).read("data._entities[*].startsAt");

        for (int i = 0; i < campaigns.size(); i++) {
            Instant starts = ((OffsetDateTime) campaigns.get(i).get("starts_at")).toInstant();
            Instant ends = ((OffsetDateTime) campaigns.get(i).get("ends_at")).toInstant();
            boolean expected = !now.isBefore(starts) && now.isBefore(ends);
            assertThat(active.get(i)).as("campaign " + campaigns.get(i).get("id") + " active").isEqualTo(expected);
            assertThat(Instant.parse(startsAt.get(i))).isEqualTo(starts);
        }
        assertThat(active).as("some active, some not").contains(true, false);
    }

    @Test
    void resolvesCampaignWithVouchers() {
        ExecutionResult result = Entities.resolve(graphql, CAMPAIGN, List.of(ref("Campaign", "cmp1")));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);

        Map<String, Object> row = jdbc.sql("SELECT name, discount_percent FROM campaigns WHERE id = 'cmp1'")
                .query().singleRow();
        assertThat((String) json.read("data._entities[0].name")).isEqualTo(row.get("name"));
        assertThat((Integer) json.read("data._entities[0].discountPercent")).isEqualTo(row.get("discount_percent"));

        List<Map<String, Object>> vouchers = jdbc.sql(
                        "SELECT code, min_spend FROM vouchers WHERE campaign_id = 'cmp1' ORDER BY position")
                .query().listOfRows();
        assertThat(vouchers).isNotEmpty();
        assertThat((List<String>) json.read("data._entities[0].vouchers[*].code"))
                .isEqualTo(vouchers.stream().map(v -> v.get("code")).toList());
        long minSpend = (Long) vouchers.get(0).get("min_spend");
        assertThat((Map<String, Object>) json.read("data._entities[0].vouchers[0].minSpend")).isEqualTo(Map.of(
                "amount", (int) minSpend, "currency", "IDR", "formatted", Money.rupiah(minSpend).formatted()));
    }

    @Test
    void unknownCampaignIsNullWithAnError() {
        ExecutionResult result = Entities.resolve(graphql, "... on Campaign { id }", List.of(ref("Campaign", "cmp0")));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "NOT_FOUND"), "_entities", 0);
    }
}
