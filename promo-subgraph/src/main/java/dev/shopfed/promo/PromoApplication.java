package dev.shopfed.promo;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The promotion subgraph: creators, short videos, live streams, campaigns, vouchers and affiliate links. */
@SpringBootApplication
public class PromoApplication {

    public static void main(String[] args) {
        SpringApplication.run(PromoApplication.class, args);
    }

    /** "Active" campaigns are judged against this clock; tests replace it to pin the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
