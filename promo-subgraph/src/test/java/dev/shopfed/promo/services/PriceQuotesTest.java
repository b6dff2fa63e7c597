package dev.shopfed.promo.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.shopfed.promo.model.Campaign;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceQuotesTest {

    private static final Instant NOW = Instant.parse("2030-06-15T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Campaign FLASH_SALE = new Campaign("cmp10", "Flash Sale", 35, NOW.minusSeconds(3600),
            Instant.parse("2099-12-31T23:59:59Z"));
    private static final Campaign GADGET_FAIR = new Campaign("cmp4", "Gadget Fair", 10, NOW.minusSeconds(3600),
            Instant.parse("2099-12-31T23:59:59Z"));

    private final PriceQuotes quotes = new PriceQuotes("", Duration.ofMinutes(15), CLOCK);

    @Test
    void signsTheBestCampaignsPriceForTheProductAndItsBasePrice() throws Exception {
        SignedJWT quote = SignedJWT.parse(quotes.quote("p47", 109_000, List.of(GADGET_FAIR, FLASH_SALE)).orElseThrow());

        assertThat(quote.verify(new ECDSAVerifier(quotes.publicKey()))).isTrue();
        JWTClaimsSet claims = quote.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("shopfed-promo");
        assertThat(claims.getAudience()).containsExactly("commerce");
        assertThat(claims.getSubject()).isEqualTo("p47");
        assertThat(claims.getLongClaim("basePrice")).isEqualTo(109_000L);
        assertThat(claims.getLongClaim("unitPrice")).isEqualTo(70_850L);
        assertThat(claims.getStringClaim("currency")).isEqualTo("IDR");
        assertThat(claims.getStringClaim("campaign")).isEqualTo("cmp10");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aQuoteExpiresWithItsCampaign() throws Exception {
        Instant end = NOW.plusSeconds(300);
        Campaign endingSoon = new Campaign("cmp99", "Last minutes", 20, NOW.minusSeconds(60), end);

        SignedJWT quote = SignedJWT.parse(quotes.quote("p47", 109_000, List.of(endingSoon)).orElseThrow());

        assertThat(quote.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(end);
    }

    @Test
    void noCampaignNoQuote() {
        assertThat(quotes.quote("p47", 109_000, List.of())).isEmpty();
    }

    @Test
    void signsWithTheConfiguredKey(@TempDir Path dir) throws Exception {
        var key = new ECKeyGenerator(Curve.P_256).keyID("promo-test").generate();
        Path file = dir.resolve("key.json");
        Files.writeString(file, key.toJSONString());
        PriceQuotes configured = new PriceQuotes(file.toString(), Duration.ofMinutes(15), CLOCK);

        SignedJWT quote = SignedJWT.parse(configured.quote("p47", 109_000, List.of(FLASH_SALE)).orElseThrow());

        assertThat(quote.getHeader().getKeyID()).isEqualTo("promo-test");
        assertThat(quote.verify(new ECDSAVerifier(key.toECPublicKey()))).isTrue();
    }
}
