package dev.shopfed.commerce.services;

import dev.shopfed.commerce.errors.CommerceException;
import dev.shopfed.commerce.errors.ErrorCode;
import dev.shopfed.commerce.model.Cart;
import dev.shopfed.commerce.model.CartItem;
import dev.shopfed.commerce.model.Money;
import dev.shopfed.commerce.model.Product;
import dev.shopfed.commerce.model.QuotedPrice;
import dev.shopfed.commerce.repositories.CartRepository;
import dev.shopfed.commerce.repositories.ProductRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** The cart is a wish list: stock is only taken at checkout, but adding more than is left is refused early. */
@Service
public class CartService {

    public static final int MAX_LINE_QUANTITY = 999;

    private final CartRepository carts;
    private final ProductRepository products;
    private final PriceQuoteVerifier quotes;
    private final Clock clock;

    public CartService(CartRepository carts, ProductRepository products, PriceQuoteVerifier quotes, Clock clock) {
        this.carts = carts;
        this.products = products;
        this.quotes = quotes;
        this.clock = clock;
    }

    /** The cart as checkout would charge it now: quotes that lapsed are left out. */
    public Cart cart(String userId) {
        return Cart.pricedAt(userId, carts.items(userId), clock.instant());
    }

    public Cart add(String userId, String productId, int quantity) {
        return add(userId, productId, quantity, null);
    }

    /** {@code priceQuote}, when given, must be promo's valid quote for this product at today's catalogue price. */
    public Cart add(String userId, String productId, int quantity, String priceQuote) {
        if (quantity < 1 || quantity > MAX_LINE_QUANTITY) {
            throw CommerceException.badInput("quantity must be between 1 and " + MAX_LINE_QUANTITY + ", was " + quantity);
        }
        Product product = existing(productId);
        Cart current = cart(userId);
        int inCart = current.items().stream()
                .filter(item -> item.productId().equals(productId))
                .mapToInt(CartItem::quantity)
                .sum();
        int wanted = inCart + quantity;
        if (wanted > MAX_LINE_QUANTITY) {
            throw CommerceException.badInput("At most " + MAX_LINE_QUANTITY + " of one product fit in a cart");
        }
        if (wanted > product.stock()) {
            throw new CommerceException(ErrorCode.INSUFFICIENT_STOCK,
                    "Only " + product.stock() + " of " + product.name() + " left (" + wanted + " requested)");
        }
        long subtotal = current.subtotalRupiah() + (long) product.price().amount() * quantity;
        if (subtotal > Integer.MAX_VALUE) {
            throw new CommerceException(ErrorCode.TOTAL_TOO_LARGE,
                    "The cart total would exceed " + Money.rupiah(Integer.MAX_VALUE).formatted());
        }
        QuotedPrice quote = priceQuote == null ? null : quotes.verify(priceQuote, productId, product.price().amount());
        carts.add(userId, productId, quantity, quote);
        return cart(userId);
    }

    public Cart remove(String userId, String productId) {
        existing(productId);
        carts.remove(userId, productId);
        return cart(userId);
    }

    private Product existing(String productId) {
        Product product = products.findByIds(List.of(productId)).get(productId);
        if (product == null) {
            throw CommerceException.notFound("No product with id " + productId);
        }
        return product;
    }
}
