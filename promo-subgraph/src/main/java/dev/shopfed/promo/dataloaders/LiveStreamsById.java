package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.LiveStream;
import dev.shopfed.promo.repositories.LiveStreamRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Live streams by id, one query per batch; unknown ids are absent. */
@DgsDataLoader(name = "liveStreamsById")
public class LiveStreamsById implements MappedBatchLoader<String, LiveStream> {

    private final LiveStreamRepository liveStreams;

    public LiveStreamsById(LiveStreamRepository liveStreams) {
        this.liveStreams = liveStreams;
    }

    @Override
    public CompletionStage<Map<String, LiveStream>> load(Set<String> ids) {
        return CompletableFuture.completedFuture(liveStreams.findByIds(ids));
    }
}
