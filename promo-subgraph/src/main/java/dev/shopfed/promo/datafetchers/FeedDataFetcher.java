package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.shopfed.promo.model.FeedConnection;
import dev.shopfed.promo.services.FeedService;

/** The home feed; its Product members are bare entity references the gateway completes from commerce. */
@DgsComponent
public class FeedDataFetcher {

    private final FeedService feed;

    public FeedDataFetcher(FeedService feed) {
        this.feed = feed;
    }

    @DgsQuery
    public FeedConnection feed(@InputArgument("first") Integer first, @InputArgument("after") String after) {
        return feed.page(first, after);
    }
}
