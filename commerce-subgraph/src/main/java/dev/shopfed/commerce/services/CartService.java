package dev.shopfed.commerce.services;

import dev.shopfed.commerce.errors.CommerceException;
import dev.shopfed.commerce.errors.ErrorCode;
import dev.shopfed.commerce.model.Cart;
import dev.shopfed.commerce.model.CartItem;
import dev.shopfed.commerce.model.Money;
import dev.shopfed.commerce.model.Product;
import dev.shopfed.commerce.repositories.CartRepository;
import dev.shopfed.commerce.repositories.ProductRepository;
import java.util.List;
import org.springframework.stereotype.Service;

/** The cart is a wish list: stock is only taken at checkout, but adding more than is left is refused early. */
@Service
public class CartService {

    public static final int MAX_LINE_QUANTITY = 999;

    private final CartRepository carts;
    private final ProductRepository products;

    public CartService(CartRepository carts, ProductRepository products) {
        this.carts = carts;
        this.products = products;
    }

    public Cart cart(String userId) {
        return Cart.of(userId, carts.items(userId));
    }

    public Cart add(String userId, String productId, int quantity) {
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
        carts.add(userId, productId, quantity);
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
