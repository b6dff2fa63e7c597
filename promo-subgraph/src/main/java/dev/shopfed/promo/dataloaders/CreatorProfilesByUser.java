package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Creator;
import dev.shopfed.promo.repositories.CreatorRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** The creator profile of each user, by user id; users without one are absent. */
@DgsDataLoader(name = "creatorProfilesByUser")
public class CreatorProfilesByUser implements MappedBatchLoader<String, Creator> {

    private final CreatorRepository creators;

    public CreatorProfilesByUser(CreatorRepository creators) {
        this.creators = creators;
    }

    @Override
    public CompletionStage<Map<String, Creator>> load(Set<String> userIds) {
        return CompletableFuture.completedFuture(creators.findByUserIds(userIds));
    }
}
