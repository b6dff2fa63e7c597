package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import com.netflix.graphql.dgs.InputArgument;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.dataloaders.OwnedPage;
import dev.shopfed.promo.dataloaders.VideosByCreator;
import dev.shopfed.promo.model.Creator;
import dev.shopfed.promo.model.Video;
import dev.shopfed.promo.services.PageSize;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

@DgsComponent
public class CreatorDataFetcher {

    static final int DEFAULT_VIDEOS = 10;

    @DgsEntityFetcher(name = "Creator")
    public CompletableFuture<Creator> creator(Map<String, Object> representation, DgsDataFetchingEnvironment dfe) {
        String id = Representations.id(representation);
        DataLoader<String, Creator> creators = dfe.getDataLoader(CreatorsById.class);
        return creators.load(id).thenApply(creator -> Representations.found(creator, "Creator", id));
    }

    /** The creator's newest videos. */
    @DgsData(parentType = "Creator", field = "videos")
    public CompletableFuture<List<Video>> videos(@InputArgument("first") Integer first, DgsDataFetchingEnvironment dfe) {
        int size = PageSize.of("first", first, DEFAULT_VIDEOS);
        Creator creator = dfe.getSource();
        DataLoader<OwnedPage, List<Video>> videos = dfe.getDataLoader(VideosByCreator.class);
        return videos.load(new OwnedPage(creator.id(), size));
    }
}
