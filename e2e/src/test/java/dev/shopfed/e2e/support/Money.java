package dev.shopfed.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** A {@code Money} object from a response: whole rupiah, currency and display form. */
public record Money(int amount, String currency, String formatted) {

  /** Reads a Money and checks its three fields agree (IDR, and "Rp 125.000" shows 125000). */
  public static Money of(JsonNode node, String where) {
    assertThat(node).as(where + " is a Money object").isNotNull();
    assertThat(node.isObject()).as(where + " is a Money object: " + node).isTrue();
    Money money = new Money(node.path("amount").asInt(), node.path("currency").asString(),
        node.path("formatted").asString());
    assertThat(money.currency()).as(where + ".currency").isEqualTo("IDR");
    assertThat(money.formatted()).as(where + ".formatted").startsWith("Rp");
    assertThat(money.formatted().replaceAll("\\D", "")).as(where + ".formatted shows the amount")
        .isEqualTo(Integer.toString(money.amount()));
    return money;
  }
}
