package dev.shopfed.e2e.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the commerce database holds, read over JDBC: the truth the clients' acknowledgements are checked against.
 * Every check answers the rows that break it (empty when it holds), as lines to quote in a failure.
 */
public final class CommerceLedger {

  /** The load's own orders, told apart from the seeded ones by their idempotency keys. */
  private static final String LOAD_KEYS = "load-%";

  private final Connection connection;

  public CommerceLedger(Connection connection) {
    this.connection = connection;
  }

  public Map<String, Integer> stock() throws SQLException {
    Map<String, Integer> stock = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, stock FROM products")) {
      while (rows.next()) {
        stock.put(rows.getString(1), rows.getInt(2));
      }
    }
    return stock;
  }

  /** Acknowledged orders that are missing, or belong to another buyer or key, or exist more than once. */
  public List<String> lostOrMisfiledOrders(List<Tally.AckedOrder> acknowledged) throws SQLException {
    List<String> problems = new ArrayList<>();
    String sql = "SELECT user_id, idempotency_key FROM orders WHERE id = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Tally.AckedOrder order : acknowledged) {
        statement.setString(1, order.orderId());
        List<String> found = rows(statement, rows -> rows.getString(1) + "/" + rows.getString(2));
        String expected = order.buyer() + "/" + order.idempotencyKey();
        if (!found.equals(List.of(expected))) {
          problems.add("acknowledged order " + order.orderId() + " (" + expected + ") is in the database as " + found);
        }
      }
    }
    return problems;
  }

  /** A buyer's checkout key that made more than one order. */
  public List<String> duplicatedOrders() throws SQLException {
    return query("SELECT user_id, idempotency_key, COUNT(*) FROM orders WHERE idempotency_key LIKE '" + LOAD_KEYS
        + "' GROUP BY user_id, idempotency_key HAVING COUNT(*) > 1",
        rows -> rows.getString(1) + " key " + rows.getString(2) + ": " + rows.getInt(3) + " orders");
  }

  /** An order paid more than once, or an idempotency key that took more than one payment. */
  public List<String> duplicatedPayments() throws SQLException {
    List<String> problems = new ArrayList<>(query(
        "SELECT order_id, COUNT(*) FROM payments GROUP BY order_id HAVING COUNT(*) > 1",
        rows -> "order " + rows.getString(1) + ": " + rows.getInt(2) + " payments"));
    problems.addAll(query(
        "SELECT idempotency_key, COUNT(*) FROM payments WHERE idempotency_key LIKE 'pay-" + LOAD_KEYS
            + "' GROUP BY idempotency_key HAVING COUNT(*) > 1",
        rows -> "payment key " + rows.getString(1) + ": " + rows.getInt(2) + " payments"));
    problems.addAll(query("SELECT p.id, p.amount, o.total FROM payments p JOIN orders o ON o.id = p.order_id"
            + " WHERE p.amount <> o.total AND o.idempotency_key LIKE '" + LOAD_KEYS + "'",
        rows -> "payment " + rows.getString(1) + " took " + rows.getLong(2) + " for an order of " + rows.getLong(3)));
    return problems;
  }

  /** Acknowledged payments that are missing or belong to another order. */
  public List<String> lostPayments(List<Tally.AckedPayment> acknowledged) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT order_id FROM payments WHERE id = ?")) {
      for (Tally.AckedPayment payment : acknowledged) {
        statement.setString(1, payment.paymentId());
        List<String> found = rows(statement, rows -> rows.getString(1));
        if (!found.equals(List.of(payment.orderId()))) {
          problems.add("acknowledged payment " + payment.paymentId() + " of order " + payment.orderId()
              + " is in the database for " + found);
        }
      }
    }
    return problems;
  }

  /** Every order the load made, as buyer, checkout key and order id. */
  public List<Tally.AckedOrder> loadOrderKeys() throws SQLException {
    return query("SELECT user_id, idempotency_key, id FROM orders WHERE idempotency_key LIKE '" + LOAD_KEYS + "'",
        rows -> new Tally.AckedOrder(rows.getString(1), rows.getString(2), rows.getString(3)));
  }

  public long loadOrders() throws SQLException {
    return query("SELECT COUNT(*) FROM orders WHERE idempotency_key LIKE '" + LOAD_KEYS + "'",
        rows -> rows.getLong(1)).get(0);
  }

  public long loadPayments() throws SQLException {
    return query("SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.idempotency_key LIKE '"
        + LOAD_KEYS + "'", rows -> rows.getLong(1)).get(0);
  }

  /**
   * Products whose stock went below zero, or whose stock did not fall by exactly the units the load's orders hold
   * (a checkout that reserved twice, or an order that reserved nothing).
   */
  public List<String> stockProblems(Map<String, Integer> before) throws SQLException {
    Map<String, Integer> after = stock();
    Map<String, Integer> ordered = new TreeMap<>();
    query("SELECT i.product_id, SUM(i.quantity) FROM order_items i JOIN orders o ON o.id = i.order_id"
            + " WHERE o.idempotency_key LIKE '" + LOAD_KEYS + "' GROUP BY i.product_id",
        rows -> ordered.put(rows.getString(1), rows.getInt(2)));
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Integer> product : after.entrySet()) {
      String id = product.getKey();
      int was = before.getOrDefault(id, 0);
      int units = ordered.getOrDefault(id, 0);
      if (product.getValue() < 0 || product.getValue() != was - units) {
        problems.add(id + ": stock " + was + " before, " + product.getValue() + " after, " + units + " units ordered");
      }
    }
    return problems;
  }

  private interface Row<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> List<T> query(String sql, Row<T> row) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      return rows(statement, row);
    }
  }

  private static <T> List<T> rows(PreparedStatement statement, Row<T> row) throws SQLException {
    List<T> found = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        found.add(row.read(rows));
      }
    }
    return found;
  }
}
