package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.User;
import dev.shopfed.commerce.repositories.UserRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.MappedBatchLoader;

@DgsDataLoader(name = UserLoader.NAME)
public class UserLoader implements MappedBatchLoader<String, User> {

    public static final String NAME = "users";

    private final UserRepository users;

    public UserLoader(UserRepository users) {
        this.users = users;
    }

    @Override
    public CompletionStage<Map<String, User>> load(Set<String> ids) {
        Map<String, User> found = users.existingIds(ids).stream().collect(Collectors.toMap(Function.identity(), User::new));
        return CompletableFuture.completedFuture(found);
    }
}
