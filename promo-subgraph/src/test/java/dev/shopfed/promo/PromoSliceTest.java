package dev.shopfed.promo;

import com.netflix.graphql.dgs.test.EnableDgsTest;
import dev.shopfed.promo.errors.ErrorCodeInstrumentation;
import dev.shopfed.promo.errors.PromoExceptionHandler;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A narrow test context: DGS with promo's SDL, a fresh migrated H2 database, the error handling, a fixed clock,
 * and only the data fetchers, loaders, services and repositories the test lists.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:promo-test-${random.uuid};MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@EnableDgsTest
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class})
@Import({PromoExceptionHandler.class, ErrorCodeInstrumentation.class, TestClock.class})
public @interface PromoSliceTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] value();
}
