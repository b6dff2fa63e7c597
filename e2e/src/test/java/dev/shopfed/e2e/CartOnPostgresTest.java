package dev.shopfed.e2e;

import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.OnPostgres;
import dev.shopfed.e2e.support.Operations;

/** {@link CartTest} again, with commerce and promo on PostgreSQL. */
@OnPostgres
class CartOnPostgresTest extends CartTest {

  CartOnPostgresTest(Gateway gateway, Operations operations) {
    super(gateway, operations);
  }
}
