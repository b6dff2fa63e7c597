package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.Address;
import dev.shopfed.commerce.repositories.UserRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Addresses by user id; users without any are simply absent (read as an empty list). */
@DgsDataLoader(name = AddressLoader.NAME)
public class AddressLoader implements MappedBatchLoader<String, List<Address>> {

    public static final String NAME = "addresses";

    private final UserRepository users;

    public AddressLoader(UserRepository users) {
        this.users = users;
    }

    @Override
    public CompletionStage<Map<String, List<Address>>> load(Set<String> userIds) {
        return CompletableFuture.completedFuture(users.addressesByUser(userIds));
    }
}
