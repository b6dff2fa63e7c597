package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.User;
import dev.shopfed.promo.repositories.UserRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Shoppers promo knows by id, one query per batch; unknown ids are absent. */
@DgsDataLoader(name = "usersById")
public class UsersById implements MappedBatchLoader<String, User> {

    private final UserRepository users;

    public UsersById(UserRepository users) {
        this.users = users;
    }

    @Override
    public CompletionStage<Map<String, User>> load(Set<String> ids) {
        return CompletableFuture.completedFuture(users.findByIds(ids));
    }
}
