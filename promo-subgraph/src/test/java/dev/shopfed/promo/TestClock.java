package dev.shopfed.promo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Pins "now" so which campaigns are active does not depend on when the tests run. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    public static final String DEFAULT_NOW = "2030-06-15T00:00:00Z";

    @Bean
    Clock clock(@Value("${promo.test.now:" + DEFAULT_NOW + "}") String now) {
        return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    }
}
