package dev.shopfed.promo.services;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Signs the promo price as a quote (a JWS) that the app hands back to commerce through the gateway: commerce checks
 * it against promo's public key and charges the quoted price while it is valid. A quote expires when its campaign
 * ends, and after {@code shopfed.price-quote.max-validity} at most, so a campaign changed later is not honoured long.
 */
@Service
public class PriceQuotes {

    public static final String ISSUER = "shopfed-promo";
    public static final String AUDIENCE = "commerce";

    private static final Logger log = LoggerFactory.getLogger(PriceQuotes.class);

    private final ECKey key;
    private final ECDSASigner signer;
    private final Duration maxValidity;
    private final Clock clock;

    public PriceQuotes(@Value("${shopfed.price-quote.signing-key-file:}") String signingKeyFile,
                       @Value("${shopfed.price-quote.max-validity:15m}") Duration maxValidity, Clock clock) {
        this.key = signingKeyFile.isBlank() ? throwawayKey() : keyFrom(Path.of(signingKeyFile));
        this.maxValidity = maxValidity;
        this.clock = clock;
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the price quote signing key is not a usable EC key", e);
        }
    }

    /** The public half, for whoever verifies the quotes (commerce's {@code shopfed.price-quote.jwks-file}). */
    public ECKey publicKey() {
        return key.toPublicJWK();
    }

    /** Empty when no campaign applies; {@code basePrice} is the commerce price the promo price is taken off. */
    public Optional<String> quote(String productId, long basePrice, List<Campaign> activeCampaigns) {
        Optional<Campaign> best = PromoPricing.bestCampaign(activeCampaigns);
        Optional<Money> price = PromoPricing.promoPrice(basePrice, activeCampaigns);
        if (best.isEmpty() || price.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sign(productId, basePrice, price.get(), best.get()));
    }

    private String sign(String productId, long basePrice, Money price, Campaign campaign) {
        Instant now = clock.instant();
        Instant latest = now.plus(maxValidity);
        Instant validUntil = campaign.endsAt().isBefore(latest) ? campaign.endsAt() : latest;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(productId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(validUntil))
                .claim("basePrice", basePrice)
                .claim("unitPrice", (long) price.amount())
                .claim("currency", price.currency())
                .claim("campaign", campaign.id())
                .build();
        SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a price quote", e);
        }
        return jws.serialize();
    }

    private static ECKey keyFrom(Path file) {
        try {
            ECKey key = ECKey.parse(Files.readString(file));
            if (!key.isPrivate()) {
                throw new IllegalStateException(file + " holds no private key to sign price quotes with");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price quote signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not an EC JWK: " + e.getMessage(), e);
        }
    }

    /** Without a configured key the quotes verify nowhere: commerce refuses them and charges catalogue prices. */
    private static ECKey throwawayKey() {
        log.warn("shopfed.price-quote.signing-key-file is not set: price quotes are signed with a throwaway key that"
                + " commerce does not trust");
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID("throwaway-" + UUID.randomUUID())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a price quote key", e);
        }
    }
}
