package dev.shopfed.commerce.services;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.shopfed.commerce.errors.CommerceException;
import dev.shopfed.commerce.errors.ErrorCode;
import dev.shopfed.commerce.model.Money;
import dev.shopfed.commerce.model.QuotedPrice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Checks a price quote promo signed and the app passed back through the gateway: promo's signature (its public key is
 * configuration, {@code shopfed.price-quote.jwks-file}; commerce never calls promo), this product, rupiah, not expired,
 * taken off today's catalogue price. Anything else is refused: the buyer is never charged a price nobody signed.
 */
@Service
public class PriceQuoteVerifier {

    static final String ISSUER = "shopfed-promo";
    static final String AUDIENCE = "commerce";

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Clock clock;

    public PriceQuoteVerifier(@Value("${shopfed.price-quote.jwks-file:}") String jwksFile, Clock clock) {
        this.clock = clock;
        this.processor = jwksFile.isBlank() ? null : processorFor(Path.of(jwksFile));
    }

    /** The verified quote for {@code productId} at catalogue price {@code cataloguePrice}. */
    public QuotedPrice verify(String quote, String productId, long cataloguePrice) {
        if (processor == null) {
            throw invalid("this shop accepts no price quotes (no promo key is configured)");
        }
        JWTClaimsSet claims = signedClaims(quote);
        if (!ISSUER.equals(claims.getIssuer()) || !claims.getAudience().contains(AUDIENCE)) {
            throw invalid("the price quote is not promo's quote for commerce");
        }
        if (!productId.equals(claims.getSubject())) {
            throw invalid("the price quote is for product " + claims.getSubject() + ", not " + productId);
        }
        Instant validUntil = instant(claims.getExpirationTime());
        if (!clock.instant().isBefore(validUntil)) {
            throw invalid("the price quote expired at " + validUntil + "; reload the product for the current price");
        }
        return quotedPrice(claims, cataloguePrice, validUntil);
    }

    private static QuotedPrice quotedPrice(JWTClaimsSet claims, long cataloguePrice, Instant validUntil) {
        try {
            Long unit = claims.getLongClaim("unitPrice");
            Long base = claims.getLongClaim("basePrice");
            String campaign = claims.getStringClaim("campaign");
            if (!Money.IDR.equals(claims.getStringClaim("currency")) || unit == null || base == null || campaign == null) {
                throw invalid("the price quote lacks a rupiah price or its campaign");
            }
            if (base != cataloguePrice) {
                throw invalid("the price quote was made for a catalogue price of " + Money.rupiah(base).formatted()
                        + ", now " + Money.rupiah(cataloguePrice).formatted() + "; reload the product");
            }
            if (unit < 0 || unit > base) {
                throw invalid("the price quote's price is not a discount on the catalogue price");
            }
            return new QuotedPrice(unit, base, campaign, validUntil);
        } catch (ParseException e) {
            throw invalid("the price quote's claims are malformed");
        }
    }

    private JWTClaimsSet signedClaims(String quote) {
        try {
            return processor.process(quote, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw invalid("the price quote is not signed by promo");
        }
    }

    private static Instant instant(Date date) {
        if (date == null) {
            throw invalid("the price quote has no expiry");
        }
        return date.toInstant();
    }

    private static CommerceException invalid(String why) {
        return new CommerceException(ErrorCode.PRICE_QUOTE_INVALID, "Price quote refused: " + why);
    }

    private static DefaultJWTProcessor<SecurityContext> processorFor(Path jwksFile) {
        JWKSet keys;
        try {
            keys = JWKSet.parse(Files.readString(jwksFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read promo's price quote keys " + jwksFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException(jwksFile + " is not a JWKS: " + e.getMessage(), e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys)));
        // Issuer, audience and expiry are checked above, against the injected clock.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return processor;
    }
}
