package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.dataloaders.VideosById;
import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.Creator;
import dev.shopfed.promo.model.LiveStream;
import dev.shopfed.promo.model.Video;
import dev.shopfed.promo.repositories.CampaignRepository;
import dev.shopfed.promo.repositories.LiveStreamRepository;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** The lookup queries; unknown ids are null (no error), as for any nullable lookup. */
@DgsComponent
public class QueryDataFetcher {

    private final LiveStreamRepository liveStreams;
    private final CampaignRepository campaigns;
    private final Clock clock;

    public QueryDataFetcher(LiveStreamRepository liveStreams, CampaignRepository campaigns, Clock clock) {
        this.liveStreams = liveStreams;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @DgsQuery
    public CompletableFuture<Video> video(@InputArgument("id") String id, DgsDataFetchingEnvironment dfe) {
        DataLoader<String, Video> videos = dfe.getDataLoader(VideosById.class);
        return videos.load(id);
    }

    @DgsQuery
    public CompletableFuture<Creator> creator(@InputArgument("id") String id, DgsDataFetchingEnvironment dfe) {
        DataLoader<String, Creator> creators = dfe.getDataLoader(CreatorsById.class);
        return creators.load(id);
    }

    @DgsQuery
    public List<LiveStream> liveStreams(@InputArgument("liveOnly") Boolean liveOnly) {
        return liveStreams.findAll(Boolean.TRUE.equals(liveOnly));
    }

    /** {@code activeOnly} defaults to true in the SDL; an explicit null means the same. */
    @DgsQuery
    public List<Campaign> campaigns(@InputArgument("activeOnly") Boolean activeOnly) {
        if (Boolean.FALSE.equals(activeOnly)) {
            return campaigns.findAll();
        }
        return campaigns.findActive(clock.instant());
    }
}
