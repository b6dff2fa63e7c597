package dev.shopfed.commerce.services;

import dev.shopfed.testsupport.postgres.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link CheckoutConcurrencyTest} on a real PostgreSQL (a fresh database on the JVM's one test server): the rush for
 * the last units, concurrent replays of one key and concurrent payments, under PostgreSQL's own locking.
 */
@Tag("postgres")
class CheckoutConcurrencyOnPostgresTest extends CheckoutConcurrencyTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres server = TestPostgres.shared();
        String url = server.createDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", () -> "");
    }
}
