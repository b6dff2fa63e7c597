package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Video;
import dev.shopfed.promo.repositories.VideoRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Videos by id, one query per batch; unknown ids are absent. */
@DgsDataLoader(name = "videosById")
public class VideosById implements MappedBatchLoader<String, Video> {

    private final VideoRepository videos;

    public VideosById(VideoRepository videos) {
        this.videos = videos;
    }

    @Override
    public CompletionStage<Map<String, Video>> load(Set<String> ids) {
        return CompletableFuture.completedFuture(videos.findByIds(ids));
    }
}
