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
import dev.shopfed.promo.dataloaders.UsersById;
import dev.shopfed.promo.repositories.CreatorRepository;
import dev.shopfed.promo.repositories.UserRepository;
import graphql.ExecutionResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PromoSliceTest({UserDataFetcher.class, UsersById.class, CreatorProfilesByUser.class, FollowedCreatorsByUser.class,
        UserRepository.class, CreatorRepository.class})
class UserDataFetcherTest {

    private static final String USER = "... on User { id creatorProfile { id handle } following { id handle } }";

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
}
