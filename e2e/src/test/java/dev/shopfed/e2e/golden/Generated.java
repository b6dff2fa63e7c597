package dev.shopfed.e2e.golden;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A value the services make up afresh on every run (an order id, a timestamp). A stored answer holds
 * {@code ${name}} instead of it, and only at the paths a {@link GoldenRequest} names; the live value
 * must still have the {@link Shape}, and every path bound to the same name must hold the same value
 * within one run (the order that checkout created is the one that is paid and listed).
 *
 * @param name  the placeholder's name, e.g. {@code order.id}
 * @param shape what the live value must look like
 */
public record Generated(String name, Shape shape) {

  /** What a generated value must look like. */
  public enum Shape {
    ORDER_ID("an order id ord-<uuid>", "ord-"),
    PAYMENT_ID("a payment id pay-<uuid>", "pay-"),
    INSTANT("an ISO-8601 UTC instant taken during this run", null),
    PRICE_QUOTE("a price quote: a compact JWS (three base64url parts)", null);

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    // The services and the test share the machine's clock; commerce shows whole seconds.
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final String description;
    private final String idPrefix;

    Shape(String description, String idPrefix) {
      this.description = description;
      this.idPrefix = idPrefix;
    }

    public String description() {
      return description;
    }

    /** Null when {@code value} has this shape, else what is wrong with it. */
    String problem(JsonNode value, Instant runStart, Instant now) {
      if (value == null || value.isMissingNode()) {
        return "missing, expected " + description;
      }
      if (!value.isString() || value.stringValue().isEmpty()) {
        return value + " is not " + description;
      }
      String text = value.stringValue();
      if (this == PRICE_QUOTE) {
        return COMPACT_JWS.matcher(text).matches() ? null : '"' + text + "\" is not " + description;
      }
      if (idPrefix != null) {
        boolean ok = text.startsWith(idPrefix) && UUID.matcher(text.substring(idPrefix.length())).matches();
        return ok ? null : '"' + text + "\" is not " + description;
      }
      if (!text.endsWith("Z")) {
        return '"' + text + "\" is not " + description + " (no Z)";
      }
      try {
        Instant instant = Instant.parse(text);
        if (instant.isBefore(runStart.minus(SLACK)) || instant.isAfter(now.plus(SLACK))) {
          return '"' + text + "\" is not " + description + " (the run began at " + runStart + ")";
        }
        return null;
      } catch (DateTimeParseException e) {
        return '"' + text + "\" is not " + description + ": " + e.getMessage();
      }
    }
  }

  public static Generated orderId(String name) {
    return new Generated(name, Shape.ORDER_ID);
  }

  public static Generated paymentId(String name) {
    return new Generated(name, Shape.PAYMENT_ID);
  }

  public static Generated instant(String name) {
    return new Generated(name, Shape.INSTANT);
  }

  /** A price quote promo signs afresh on every request (its issue time and signature change). */
  public static Generated priceQuote(String name) {
    return new Generated(name, Shape.PRICE_QUOTE);
  }

  /** How the value appears in a stored answer. */
  public String placeholder() {
    return "${" + name + "}";
  }
}
