package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.dataloaders.TaggedProductsByVideo;
import dev.shopfed.promo.dataloaders.VideosById;
import dev.shopfed.promo.model.Creator;
import dev.shopfed.promo.model.Product;
import dev.shopfed.promo.model.Video;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

@DgsComponent
public class VideoDataFetcher {

    @DgsEntityFetcher(name = "Video")
    public CompletableFuture<Video> video(Map<String, Object> representation, DgsDataFetchingEnvironment dfe) {
        String id = Representations.id(representation);
        DataLoader<String, Video> videos = dfe.getDataLoader(VideosById.class);
        return videos.load(id).thenApply(video -> Representations.found(video, "Video", id));
    }

    @DgsData(parentType = "Video", field = "creator")
    public CompletableFuture<Creator> creator(DgsDataFetchingEnvironment dfe) {
        Video video = dfe.getSource();
        DataLoader<String, Creator> creators = dfe.getDataLoader(CreatorsById.class);
        return creators.load(video.creatorId());
    }

    /** Tagged products carry promo's snapshot of the commerce name: the field is {@code @provides(fields: "name")}. */
    @DgsData(parentType = "Video", field = "products")
    public CompletableFuture<List<Product>> products(DgsDataFetchingEnvironment dfe) {
        Video video = dfe.getSource();
        DataLoader<String, List<Product>> products = dfe.getDataLoader(TaggedProductsByVideo.class);
        return products.load(video.id());
    }

    @DgsData(parentType = "Video", field = "publishedAt")
    public String publishedAt(DgsDataFetchingEnvironment dfe) {
        Video video = dfe.getSource();
        return video.publishedAt().toString();
    }
}
