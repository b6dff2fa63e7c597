package dev.shopfed.e2e;

import dev.shopfed.e2e.support.OnPostgres;

/** {@link BuyerIsolationTest} again, with commerce and promo on PostgreSQL. */
@OnPostgres
class BuyerIsolationOnPostgresTest extends BuyerIsolationTest {}
