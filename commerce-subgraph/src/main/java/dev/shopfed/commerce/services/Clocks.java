package dev.shopfed.commerce.services;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Price quotes expire against this clock; tests put a movable one in front of it ({@code @Primary}). */
@Configuration(proxyBeanMethods = false)
public class Clocks {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
