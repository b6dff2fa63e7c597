package dev.shopfed.e2e;

import static dev.shopfed.e2e.golden.GoldenRequest.operation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.golden.Generated;
import dev.shopfed.e2e.golden.GoldenAnswers;
import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.Operations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Golden answers: every operation of the app's contract, run through the gateway on the seeded data,
 * must answer exactly what {@code schema/contract/golden/<operation>.json} stores (values, order of
 * list items, order of keys), so "the app looks unchanged" is checked on data as well as on types.
 *
 * <p>Only values the services make up per run are replaced by placeholders, at the paths each request
 * names: the order id, its createdAt, the payment id and its paidAt (see {@link Generated}; their
 * shape is still asserted). Rewrite the stored answers on purpose with {@value GoldenAnswers#UPDATE_COMMAND}.
 *
 * <p>State: the federation is started fresh (in-memory databases, seeded) for each run and shared with
 * the other test classes, which may run before or after this one. The read-only files run first here and
 * use data that no test changes: stock is shown for p16, p4, the products of v9 and v28, and p75, p46
 * and p23 (the cart), none of which another test buys; a new test that checks out must keep off them.
 * The mutations then run in this order as buyer {@value #BUYER}, whom no other test and no seeded
 * order or cart uses: cart, checkout, pay, order history. Each file's requests are all sent before its
 * comparison, so a difference in one file leaves the state the next one needs.
 */
@ExtendWith(FederationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoldenAnswersTest {

  /** Fills a cart, checks out and pays; no other test uses this buyer. */
  private static final String BUYER = "u47";
  /** Follows four creators and has a creator profile (c57); read only. */
  private static final String FOLLOWER = "u43";
  /** Has seeded orders (o1 paid, o21 paid); read only. */
  private static final String SEEDED_BUYER = "u8";

  private static final Generated ORDER_ID = Generated.orderId("order.id");
  private static final Generated ORDER_CREATED_AT = Generated.instant("order.createdAt");
  private static final Generated PAYMENT_ID = Generated.paymentId("payment.id");
  private static final Generated PAID_AT = Generated.instant("payment.paidAt");
  /** The promo price the product page showed for p75: the cart, the order and the payment charge it. */
  private static final Generated P75_QUOTE = Generated.priceQuote("priceQuote.p75");

  private final GoldenAnswers golden;

  GoldenAnswersTest(Gateway gateway, Operations operations) {
    this.golden = new GoldenAnswers(gateway, operations);
  }

  // ---- Read-only screens ------------------------------------------------------------------------

  @Test
  @Order(1)
  void feed() {
    golden.check("feed",
        operation("Feed"),
        operation("Feed").with("first", 4).with("after", "ZmVlZHwyMDI1LTEwLTMwVDIyOjI4OjAwWnwyfDE5"));
  }

  @Test
  @Order(2)
  void videoPage() {
    golden.check("videoPage",
        operation("VideoPage").with("id", "v9"),
        operation("VideoPage").with("id", "v28").with("moreFromCreator", 2),
        operation("VideoPage").with("id", "v999999"));
  }

  @Test
  @Order(3)
  void productPage() {
    golden.check("productPage",
        operation("ProductPage").with("id", "p16")
            .generated("/data/product/priceQuote", Generated.priceQuote("priceQuote.p16")),
        operation("ProductPage").with("id", "p4").with("withVideos", false)
            .generated("/data/product/priceQuote", Generated.priceQuote("priceQuote.p4")),
        operation("ProductPage").with("id", "p999999"),
        // The app's buying path starts here: the cart below adds p75 with this quote.
        operation("ProductPage").with("id", "p75").with("withVideos", false)
            .generated("/data/product/priceQuote", P75_QUOTE));
  }

  @Test
  @Order(4)
  void shopPage() {
    golden.check("shopPage",
        operation("ShopPage").with("id", "s12").with("first", 4),
        operation("ShopPage").with("id", "s12").with("first", 4).with("after", "cHJvZHVjdDoyMTA"));
  }

  @Test
  @Order(5)
  void search() {
    golden.check("search",
        operation("Search").with("search", "batik").with("filter", object("inStockOnly", true)).with("first", 5),
        operation("Search").with("search", "batik").with("filter", object("inStockOnly", true)).with("first", 5)
            .with("after", "cHJvZHVjdDo1NQ"),
        operation("Search").with("filter",
            object("category", "ELECTRONICS", "city", "Surabaya", "minPrice", 100000, "maxPrice", 2000000)));
  }

  @Test
  @Order(6)
  void creatorProfile() {
    golden.check("creatorProfile",
        operation("CreatorProfile").as(FOLLOWER).with("id", "c45").with("videos", 3),
        operation("CreatorProfile").with("id", "c57").with("videos", 2));
  }

  // ---- The buying path, in order, as BUYER --------------------------------------------------------

  @Test
  @Order(7)
  void cart() {
    golden.check("cart",
        operation("Cart").as(BUYER),
        operation("AddToCart").as(BUYER).with("productId", "p75").with("quantity", 2).with("priceQuote", P75_QUOTE),
        operation("AddToCart").as(BUYER).with("productId", "p46").with("quantity", 1),
        operation("AddToCart").as(BUYER).with("productId", "p23"),
        operation("RemoveFromCart").as(BUYER).with("productId", "p23"),
        operation("Cart").as(BUYER));
  }

  @Test
  @Order(8)
  void checkout() {
    golden.check("checkout",
        operation("Checkout").as(BUYER).with("idempotencyKey", "golden-checkout-1")
            .generated("/data/checkout/id", ORDER_ID)
            .generated("/data/checkout/createdAt", ORDER_CREATED_AT),
        // The app retrying after a timeout gets the same order.
        operation("Checkout").as(BUYER).with("idempotencyKey", "golden-checkout-1")
            .generated("/data/checkout/id", ORDER_ID)
            .generated("/data/checkout/createdAt", ORDER_CREATED_AT));
  }

  @Test
  @Order(9)
  void pay() {
    golden.check("pay",
        operation("PayOrder").as(BUYER).with("orderId", ORDER_ID).with("idempotencyKey", "golden-pay-1")
            .with("method", "E_WALLET")
            .generated("/data/payOrder/id", PAYMENT_ID)
            .generated("/data/payOrder/paidAt", PAID_AT),
        operation("PayOrder").as(BUYER).with("orderId", ORDER_ID).with("idempotencyKey", "golden-pay-1")
            .with("method", "E_WALLET")
            .generated("/data/payOrder/id", PAYMENT_ID)
            .generated("/data/payOrder/paidAt", PAID_AT));
  }

  @Test
  @Order(10)
  void orderHistory() {
    golden.check("orderHistory",
        operation("OrderHistory").as(SEEDED_BUYER),
        operation("OrderDetail").as(SEEDED_BUYER).with("id", "o1"),
        operation("OrderHistory").as(BUYER)
            .generated("/data/me/orders/0/id", ORDER_ID)
            .generated("/data/me/orders/0/createdAt", ORDER_CREATED_AT)
            .generated("/data/me/orders/0/payment/id", PAYMENT_ID)
            .generated("/data/me/orders/0/payment/paidAt", PAID_AT),
        operation("OrderDetail").as(BUYER).with("id", ORDER_ID)
            .generated("/data/order/id", ORDER_ID)
            .generated("/data/order/createdAt", ORDER_CREATED_AT)
            .generated("/data/order/payment/id", PAYMENT_ID)
            .generated("/data/order/payment/paidAt", PAID_AT));
  }

  /** Last, so that in update mode it judges the files just written. */
  @Test
  @Order(11)
  void everyOperationOfTheContractHasAStoredAnswer() {
    assertThat(golden.coverageProblems()).as("stored answers under schema/contract/golden").isEmpty();
  }

  /** A JSON object whose keys keep the order given, so the stored variables do too. */
  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }
}
