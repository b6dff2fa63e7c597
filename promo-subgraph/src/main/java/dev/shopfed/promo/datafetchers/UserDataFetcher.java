package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import dev.shopfed.promo.dataloaders.CreatorProfilesByUser;
import dev.shopfed.promo.dataloaders.FollowedCreatorsByUser;
import dev.shopfed.promo.dataloaders.RecommendedCampaignsByHistory;
import dev.shopfed.promo.dataloaders.UsersById;
import dev.shopfed.promo.errors.PromoException;
import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.Creator;
import dev.shopfed.promo.model.PurchaseHistory;
import dev.shopfed.promo.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** Promo's fields on the commerce User: the creator profile, the creators they follow, recommended campaigns. */
@DgsComponent
public class UserDataFetcher {

    /**
     * Resolves a representation against the shoppers promo knows. For {@code recommendedCampaigns} the gateway adds
     * commerce's {@code purchaseHistory { categories shopIds }} ({@code @requires}); the user keeps it for that field.
     */
    @DgsEntityFetcher(name = "User")
    public CompletableFuture<User> user(Map<String, Object> representation, DgsDataFetchingEnvironment dfe) {
        String id = Representations.id(representation);
        PurchaseHistory history = purchaseHistory(representation);
        DataLoader<String, User> users = dfe.getDataLoader(UsersById.class);
        return users.load(id).thenApply(user -> new User(Representations.found(user, "User", id).id(), history));
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

    /** Active campaigns targeting what the buyer bought, best match first; none for an empty history. */
    @DgsData(parentType = "User", field = "recommendedCampaigns")
    public CompletableFuture<List<Campaign>> recommendedCampaigns(DgsDataFetchingEnvironment dfe) {
        User user = dfe.getSource();
        if (user.purchaseHistory() == null) {
            throw PromoException.badUserInput("recommendedCampaigns needs the User representation to carry "
                    + "purchaseHistory { categories shopIds } (it is @requires)");
        }
        if (user.purchaseHistory().isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        DataLoader<PurchaseHistory, List<Campaign>> recommended = dfe.getDataLoader(RecommendedCampaignsByHistory.class);
        return recommended.load(user.purchaseHistory());
    }

    /** {@code purchaseHistory} from the representation, or null when absent; lists of strings or ids. */
    private static PurchaseHistory purchaseHistory(Map<String, Object> representation) {
        if (representation.get("purchaseHistory") == null) {
            return null;
        }
        if (!(representation.get("purchaseHistory") instanceof Map<?, ?> history)) {
            throw PromoException.badUserInput("User purchaseHistory must be an object with categories and shopIds");
        }
        return new PurchaseHistory(names(history, "categories"), names(history, "shopIds"));
    }

    private static List<String> names(Map<?, ?> history, String field) {
        if (!(history.get(field) instanceof List<?> values)) {
            throw PromoException.badUserInput("User purchaseHistory." + field + " must be a list");
        }
        List<String> names = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String) && !(value instanceof Number)) {
                throw PromoException.badUserInput("User purchaseHistory." + field + " holds " + value);
            }
            names.add(value.toString());
        }
        return names;
    }
}
