package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.dataloaders.LiveStreamsById;
import dev.shopfed.promo.dataloaders.ProductsByLiveStream;
import dev.shopfed.promo.model.Creator;
import dev.shopfed.promo.model.LiveStream;
import dev.shopfed.promo.model.Product;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** Live streams; {@code shop} is a plain {@code Shop { id }} reference held by the stream itself. */
@DgsComponent
public class LiveStreamDataFetcher {

    @DgsEntityFetcher(name = "LiveStream")
    public CompletableFuture<LiveStream> liveStream(Map<String, Object> representation,
            DgsDataFetchingEnvironment dfe) {
        String id = Representations.id(representation);
        DataLoader<String, LiveStream> streams = dfe.getDataLoader(LiveStreamsById.class);
        return streams.load(id).thenApply(stream -> Representations.found(stream, "LiveStream", id));
    }

    @DgsData(parentType = "LiveStream", field = "host")
    public CompletableFuture<Creator> host(DgsDataFetchingEnvironment dfe) {
        LiveStream stream = dfe.getSource();
        DataLoader<String, Creator> creators = dfe.getDataLoader(CreatorsById.class);
        return creators.load(stream.hostId());
    }

    /** Bare product references: names and prices come from commerce. */
    @DgsData(parentType = "LiveStream", field = "products")
    public CompletableFuture<List<Product>> products(DgsDataFetchingEnvironment dfe) {
        LiveStream stream = dfe.getSource();
        DataLoader<String, List<Product>> products = dfe.getDataLoader(ProductsByLiveStream.class);
        return products.load(stream.id());
    }

    @DgsData(parentType = "LiveStream", field = "startsAt")
    public String startsAt(DgsDataFetchingEnvironment dfe) {
        LiveStream stream = dfe.getSource();
        return stream.startsAt().toString();
    }
}
