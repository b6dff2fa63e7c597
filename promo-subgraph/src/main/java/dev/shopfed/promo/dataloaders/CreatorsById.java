package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Creator;
import dev.shopfed.promo.repositories.CreatorRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Creators by id, one query per batch; unknown ids are absent. */
@DgsDataLoader(name = "creatorsById")
public class CreatorsById implements MappedBatchLoader<String, Creator> {

    private final CreatorRepository creators;

    public CreatorsById(CreatorRepository creators) {
        this.creators = creators;
    }

    @Override
    public CompletionStage<Map<String, Creator>> load(Set<String> ids) {
        return CompletableFuture.completedFuture(creators.findByIds(ids));
    }
}
