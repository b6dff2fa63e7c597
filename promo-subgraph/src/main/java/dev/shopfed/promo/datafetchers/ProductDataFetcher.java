package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import com.netflix.graphql.dgs.InputArgument;
import dev.shopfed.promo.dataloaders.ActiveCampaignsByProduct;
import dev.shopfed.promo.dataloaders.AffiliateLinksByProduct;
import dev.shopfed.promo.dataloaders.OwnedPage;
import dev.shopfed.promo.dataloaders.ProductsById;
import dev.shopfed.promo.dataloaders.VideosByProduct;
import dev.shopfed.promo.errors.PromoException;
import dev.shopfed.promo.model.AffiliateLink;
import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.Money;
import dev.shopfed.promo.model.Product;
import dev.shopfed.promo.model.Video;
import dev.shopfed.promo.services.PageSize;
import dev.shopfed.promo.services.PriceQuotes;
import dev.shopfed.promo.services.PromoPricing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** Promo's fields on the commerce Product. */
@DgsComponent
public class ProductDataFetcher {

    static final int DEFAULT_VIDEOS = 5;

    private final PriceQuotes quotes;

    public ProductDataFetcher(PriceQuotes quotes) {
        this.quotes = quotes;
    }

    /**
     * Resolves a representation against promo's catalogue snapshot. For {@code promoPrice} the gateway adds the
     * commerce {@code price { amount }} ({@code @requires}); the product keeps it for that field.
     */
    @DgsEntityFetcher(name = "Product")
    public CompletableFuture<Product> product(Map<String, Object> representation, DgsDataFetchingEnvironment dfe) {
        String id = Representations.id(representation);
        Long price = priceAmount(representation);
        DataLoader<String, Product> products = dfe.getDataLoader(ProductsById.class);
        return products.load(id).thenApply(known ->
                new Product(id, Representations.found(known, "Product", id).name(), price));
    }

    @DgsData(parentType = "Product", field = "activeCampaigns")
    public CompletableFuture<List<Campaign>> activeCampaigns(DgsDataFetchingEnvironment dfe) {
        Product product = dfe.getSource();
        DataLoader<String, List<Campaign>> campaigns = dfe.getDataLoader(ActiveCampaignsByProduct.class);
        return campaigns.load(product.id());
    }

    /** Null when no active campaign covers the product. */
    @DgsData(parentType = "Product", field = "promoPrice")
    public CompletableFuture<Money> promoPrice(DgsDataFetchingEnvironment dfe) {
        Product product = dfe.getSource();
        if (product.priceAmount() == null) {
            throw PromoException.badUserInput(
                    "promoPrice needs the Product representation to carry price { amount } (it is @requires)");
        }
        DataLoader<String, List<Campaign>> campaigns = dfe.getDataLoader(ActiveCampaignsByProduct.class);
        return campaigns.load(product.id())
                .thenApply(active -> PromoPricing.promoPrice(product.priceAmount(), active).orElse(null));
    }

    /** The promo price signed for checkout; null when no active campaign covers the product. */
    @DgsData(parentType = "Product", field = "priceQuote")
    public CompletableFuture<String> priceQuote(DgsDataFetchingEnvironment dfe) {
        Product product = dfe.getSource();
        if (product.priceAmount() == null) {
            throw PromoException.badUserInput(
                    "priceQuote needs the Product representation to carry price { amount } (it is @requires)");
        }
        DataLoader<String, List<Campaign>> campaigns = dfe.getDataLoader(ActiveCampaignsByProduct.class);
        return campaigns.load(product.id())
                .thenApply(active -> quotes.quote(product.id(), product.priceAmount(), active).orElse(null));
    }

    /** The newest videos that tag the product. */
    @DgsData(parentType = "Product", field = "videos")
    public CompletableFuture<List<Video>> videos(@InputArgument("first") Integer first, DgsDataFetchingEnvironment dfe) {
        int size = PageSize.of("first", first, DEFAULT_VIDEOS);
        Product product = dfe.getSource();
        DataLoader<OwnedPage, List<Video>> videos = dfe.getDataLoader(VideosByProduct.class);
        return videos.load(new OwnedPage(product.id(), size));
    }

    @DgsData(parentType = "Product", field = "affiliateLinks")
    public CompletableFuture<List<AffiliateLink>> affiliateLinks(DgsDataFetchingEnvironment dfe) {
        Product product = dfe.getSource();
        DataLoader<String, List<AffiliateLink>> links = dfe.getDataLoader(AffiliateLinksByProduct.class);
        return links.load(product.id());
    }

    /** {@code price.amount} from the representation, or null when absent; whole, non-negative rupiah. */
    private static Long priceAmount(Map<String, Object> representation) {
        if (!(representation.get("price") instanceof Map<?, ?> price) || price.get("amount") == null) {
            return null;
        }
        if (!(price.get("amount") instanceof Number amount) || amount.longValue() < 0
                || amount.doubleValue() != amount.longValue()) {
            throw PromoException.badUserInput(
                    "Product price.amount must be whole, non-negative rupiah, got " + price.get("amount"));
        }
        return amount.longValue();
    }
}
