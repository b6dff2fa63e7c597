package dev.shopfed.e2e;

import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.OnPostgres;
import dev.shopfed.e2e.support.Operations;

/** {@link CheckoutFlowTest} again, with commerce and promo on PostgreSQL: checkout, its replay, pay, its replay. */
@OnPostgres
class CheckoutFlowOnPostgresTest extends CheckoutFlowTest {

  CheckoutFlowOnPostgresTest(Gateway gateway, Operations operations) {
    super(gateway, operations);
  }
}
