package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Creator;
import dev.shopfed.promo.repositories.CreatorRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** The creators each user follows, by user id, in one query per batch. */
@DgsDataLoader(name = "followedCreatorsByUser")
public class FollowedCreatorsByUser implements MappedBatchLoader<String, List<Creator>> {

    private final CreatorRepository creators;

    public FollowedCreatorsByUser(CreatorRepository creators) {
        this.creators = creators;
    }

    @Override
    public CompletionStage<Map<String, List<Creator>>> load(Set<String> keys) {
        return CompletableFuture.completedFuture(Batches.listPerKey(keys, creators.findFollowedBy(keys)));
    }
}
