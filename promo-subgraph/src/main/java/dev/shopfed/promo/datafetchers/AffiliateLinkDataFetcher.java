package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.model.AffiliateLink;
import dev.shopfed.promo.model.Creator;
import dev.shopfed.promo.model.Product;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

@DgsComponent
public class AffiliateLinkDataFetcher {

    @DgsData(parentType = "AffiliateLink", field = "creator")
    public CompletableFuture<Creator> creator(DgsDataFetchingEnvironment dfe) {
        AffiliateLink link = dfe.getSource();
        DataLoader<String, Creator> creators = dfe.getDataLoader(CreatorsById.class);
        return creators.load(link.creatorId());
    }

    @DgsData(parentType = "AffiliateLink", field = "product")
    public Product product(DgsDataFetchingEnvironment dfe) {
        AffiliateLink link = dfe.getSource();
        return Product.reference(link.productId());
    }
}
