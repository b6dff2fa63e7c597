package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import dev.shopfed.promo.dataloaders.CreatorProfilesByUser;
import dev.shopfed.promo.dataloaders.FollowedCreatorsByUser;
import dev.shopfed.promo.dataloaders.UsersById;
import dev.shopfed.promo.model.Creator;
import dev.shopfed.promo.model.User;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** Promo's fields on the commerce User: the creator profile and the creators they follow. */
@DgsComponent
public class UserDataFetcher {

    @DgsEntityFetcher(name = "User")
    public CompletableFuture<User> user(Map<String, Object> representation, DgsDataFetchingEnvironment dfe) {
        String id = Representations.id(representation);
        DataLoader<String, User> users = dfe.getDataLoader(UsersById.class);
        return users.load(id).thenApply(user -> Representations.found(user, "User", id));
    }

    @DgsData(parentType = "User", field = "creatorProfile")
    public CompletableFuture<Creator> creatorProfile(DgsDataFetchingEnvironment dfe) {
        User user = dfe.getSource();
        DataLoader<String, Creator> profiles = dfe.getDataLoader(CreatorProfilesByUser.class);
        return profiles.load(user.id());
    }

    @DgsData(parentType = "User", field = "following")
    public CompletableFuture<List<Creator>> following(DgsDataFetchingEnvironment dfe) {
        User user = dfe.getSource();
        DataLoader<String, List<Creator>> following = dfe.getDataLoader(FollowedCreatorsByUser.class);
        return following.load(user.id());
    }
}
