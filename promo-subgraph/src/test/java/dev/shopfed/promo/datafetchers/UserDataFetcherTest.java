package dev.shopfed.promo.datafetchers;

import static dev.shopfed.promo.Entities.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.Entities;
import dev.shopfed.promo.GraphQLErrors;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.dataloaders.CreatorProfilesByUser;
import dev.shopfed.promo.dataloaders.FollowedCreatorsByUser;
import dev.shopfed.promo.dataloaders.RecommendedCampaignsByHistory;
import dev.shopfed.promo.dataloaders.UsersById;
import dev.shopfed.promo.repositories.CampaignRepository;
import dev.shopfed.promo.repositories.CreatorRepository;
import dev.shopfed.promo.repositories.UserRepository;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PromoSliceTest({UserDataFetcher.class, CampaignDataFetcher.class, UsersById.class, CreatorProfilesByUser.class, FollowedCreatorsByUser.class,
        RecommendedCampaignsByHistory.class, UserRepository.class, CreatorRepository.class, CampaignRepository.class})
class UserDataFetcherTest {

    private static final String USER = "... on User { id creatorProfile { id handle } following { id handle } }";
    private static final String RECOMMENDED = "... on User { id recommendedCampaigns { id name active } }";

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    @Test
    void addsCreatorProfileAndFollowedCreatorsToUsers() {
        String creatorUser = jdbc.sql("SELECT user_id FROM creators WHERE user_id IS NOT NULL ORDER BY seq LIMIT 1")
                .query(String.class).single();
        String plainUser = jdbc.sql("""
                        SELECT u.id FROM users u WHERE NOT EXISTS (SELECT 1 FROM creators c WHERE c.user_id = u.id)
                        AND EXISTS (SELECT 1 FROM follows f WHERE f.user_id = u.id) ORDER BY u.seq LIMIT 1""")
                .query(String.class).single();

        ExecutionResult result = Entities.resolve(graphql, USER, List.of(ref("User", creatorUser), ref("User", plainUser)));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);

        String profile = jdbc.sql("SELECT id FROM creators WHERE user_id = ?").param(creatorUser)
                .query(String.class).single();
        assertThat((String) json.read("data._entities[0].creatorProfile.id")).isEqualTo(profile);
        assertThat((Object) json.read("data._entities[1].creatorProfile")).isNull();
        assertThat((List<String>) json.read("data._entities[0].following[*].id")).isEqualTo(followed(creatorUser));
        assertThat((List<String>) json.read("data._entities[1].following[*].id")).isEqualTo(followed(plainUser))
                .isNotEmpty();
    }

    @Test
    void userWhoFollowsNobodyHasAnEmptyList() {
        String loner = jdbc.sql("""
                        SELECT u.id FROM users u WHERE NOT EXISTS (SELECT 1 FROM follows f WHERE f.user_id = u.id)
                        ORDER BY u.seq LIMIT 1""")
                .query(String.class).single();
        List<Object> following = Entities.json(Entities.resolve(graphql, USER, List.of(ref("User", loner))))
                .read("data._entities[0].following");
        assertThat(following).isEmpty();
    }

    @Test
    void unknownUserIsNullWithAnError() {
        ExecutionResult result = Entities.resolve(graphql, USER, List.of(ref("User", "u999999")));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "NOT_FOUND"), "_entities", 0);
        assertThat((Object) Entities.json(result).read("data._entities[0]")).isNull();
    }

    private List<String> followed(String userId) {
        return jdbc.sql("""
                        SELECT f.creator_id FROM follows f JOIN creators c ON c.id = f.creator_id
                        WHERE f.user_id = ? ORDER BY f.followed_at DESC, c.seq""")
                .param(userId).query(String.class).list();
    }

    /**
     * The purchase histories commerce's seed gives u3 and u18 (their paid orders): the gateway sends them in the
     * representation (@requires), and the two buyers see different campaigns.
     */
    @Test
    void recommendsCampaignsForWhatTheRepresentationSaysTheBuyerBought() {
        ExecutionResult result = Entities.resolve(graphql, RECOMMENDED, List.of(
                bought("u3", List.of("BEAUTY", "HOME"), List.of("s11", "s39")),
                bought("u18", List.of("FOOD", "SPORTS"), List.of("s15", "s33"))));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);

        // u3: Beauty Week hits BEAUTY and shop s39, Rumah Nyaman only HOME
        assertThat((List<String>) json.read("data._entities[0].recommendedCampaigns[*].id"))
                .containsExactly("cmp3", "cmp7");
        // u18: Hari Olahraga Nasional hits SPORTS and shop s15, Kuliner Nusantara only FOOD
        assertThat((List<String>) json.read("data._entities[1].recommendedCampaigns[*].id"))
                .containsExactly("cmp9", "cmp6");
        assertThat((List<Boolean>) json.read("data._entities[*].recommendedCampaigns[*].active")).containsOnly(true);
    }

    @Test
    void anEmptyHistoryGetsNoRecommendations() {
        ExecutionResult result = Entities.resolve(graphql, RECOMMENDED, List.of(bought("u1", List.of(), List.of())));
        assertThat(result.getErrors()).isEmpty();
        List<Object> recommended = Entities.json(result).read("data._entities[0].recommendedCampaigns");
        assertThat(recommended).isEmpty();
    }

    @Test
    void moreTargetsHitRankFirstThenTheBiggerDiscount() {
        ExecutionResult result = Entities.resolve(graphql, RECOMMENDED, List.of(
                // Gadget Fair (10%) hits ELECTRONICS, s2 and s8; Flash Sale Tengah Malam (35%) only s10
                bought("u5", List.of("ELECTRONICS"), List.of("s2", "s8", "s10")),
                // one hit each: Flash Sale 35%, Beauty Week 20%, Promo Gajian 15%
                bought("u13", List.of("FASHION", "BEAUTY"), List.of("s10"))));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);

        assertThat((List<String>) json.read("data._entities[0].recommendedCampaigns[*].id"))
                .containsExactly("cmp4", "cmp10");
        assertThat((List<String>) json.read("data._entities[1].recommendedCampaigns[*].id"))
                .containsExactly("cmp10", "cmp3", "cmp1");
    }

    /** Harbolnas (past) and Pesta Akhir Abad (future) target these categories too, but are not running. */
    @Test
    void onlyActiveCampaignsAreRecommended() {
        List<String> targetingInactive = jdbc.sql("""
                        SELECT DISTINCT t.campaign_id FROM campaign_targets t
                        WHERE t.category IN ('ELECTRONICS', 'HOME') AND t.campaign_id IN ('cmp2', 'cmp13')""")
                .query(String.class).list();
        assertThat(targetingInactive).containsExactlyInAnyOrder("cmp2", "cmp13");

        ExecutionResult result = Entities.resolve(graphql, RECOMMENDED,
                List.of(bought("u9", List.of("ELECTRONICS", "HOME"), List.of())));
        assertThat(result.getErrors()).isEmpty();
        assertThat((List<String>) Entities.json(result).read("data._entities[0].recommendedCampaigns[*].id"))
                .containsExactly("cmp7", "cmp4");
    }

    /** Without the required purchase history only this field fails; the rest of the user is served. */
    @Test
    void aRepresentationWithoutThePurchaseHistoryFailsOnlyThatField() {
        ExecutionResult result = Entities.resolve(graphql, "... on User { id recommendedCampaigns { id } following { id } }",
                List.of(ref("User", "u3")));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "BAD_USER_INPUT"), "_entities", 0, "recommendedCampaigns");
        DocumentContext json = Entities.json(result);
        assertThat((String) json.read("data._entities[0].id")).isEqualTo("u3");
        assertThat((Object) json.read("data._entities[0].recommendedCampaigns")).isNull();
    }

    @Test
    void aMalformedPurchaseHistoryIsBadInput() {
        ExecutionResult result = Entities.resolve(graphql, RECOMMENDED, List.of(Map.of("__typename", "User", "id", "u3",
                "purchaseHistory", Map.of("categories", "BEAUTY", "shopIds", List.of()))));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "BAD_USER_INPUT"), "_entities", 0);
        assertThat((Object) Entities.json(result).read("data._entities[0]")).isNull();
    }

    private static Map<String, Object> bought(String userId, List<String> categories, List<String> shopIds) {
        return Map.of("__typename", "User", "id", userId,
                "purchaseHistory", Map.of("categories", categories, "shopIds", shopIds));
    }
}
