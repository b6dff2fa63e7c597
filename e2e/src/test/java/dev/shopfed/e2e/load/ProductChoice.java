package dev.shopfed.e2e.load;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which products the shoppers look at and buy: any product for a page view; for the cart, often one of a few
 * scarce products (a handful of units each, so the buyers race for the last ones), otherwise any in stock.
 */
public final class ProductChoice {

  private static final int SCARCE = 5;

  private final List<String> all;
  private final List<String> inStock;
  private final List<String> scarce;

  public ProductChoice(Map<String, Integer> stock) {
    this.all = List.copyOf(stock.keySet());
    this.inStock = stock.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().toList();
    this.scarce = stock.entrySet().stream().filter(e -> e.getValue() > 0 && e.getValue() <= 10)
        .map(Map.Entry::getKey).sorted().limit(SCARCE).toList();
    if (inStock.isEmpty() || scarce.isEmpty()) {
      throw new IllegalArgumentException("no products in stock to buy: " + stock);
    }
  }

  public String any(Random random) {
    return all.get(random.nextInt(all.size()));
  }

  public String toBuy(Random random) {
    List<String> from = random.nextInt(3) == 0 ? scarce : inStock;
    return from.get(random.nextInt(from.size()));
  }

  public List<String> scarce() {
    return scarce;
  }
}
