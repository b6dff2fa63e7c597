package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Video;
import dev.shopfed.promo.repositories.VideoRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** The newest videos tagging each product, by (product id, first), in one query per batch. */
@DgsDataLoader(name = "videosByProduct")
public class VideosByProduct implements MappedBatchLoader<OwnedPage, List<Video>> {

    private final VideoRepository videos;

    public VideosByProduct(VideoRepository videos) {
        this.videos = videos;
    }

    @Override
    public CompletionStage<Map<OwnedPage, List<Video>>> load(Set<OwnedPage> keys) {
        return CompletableFuture.completedFuture(Batches.pages(keys, videos::newestByProducts));
    }
}
