package dev.shopfed.gateway.http;

import dev.shopfed.gateway.migration.ShadowCompareOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code gateway.migration.shadow.*} settings; those left unset take {@link ShadowCompareOptions#defaults()}.
 *
 * @param share       the percentage (0–100) of queries selecting fields under progressive override that are also
 *                    sent to the other owner and compared (default 0: off)
 * @param maxInFlight shadow executions running at once, at most (default
 *                    {@value ShadowCompareOptions#DEFAULT_MAX_IN_FLIGHT}); past that a query is skipped
 * @param perSecond   shadow executions started per second, at most (default
 *                    {@value ShadowCompareOptions#DEFAULT_PER_SECOND}); past that a query is skipped
 */
@ConfigurationProperties("gateway.migration.shadow")
public record ShadowCompareProperties(Double share, Integer maxInFlight, Integer perSecond) {

  ShadowCompareOptions engineOptions() {
    ShadowCompareOptions defaults = ShadowCompareOptions.defaults();
    return new ShadowCompareOptions(
        share == null ? defaults.share() : share,
        maxInFlight == null ? defaults.maxInFlight() : maxInFlight,
        perSecond == null ? defaults.perSecond() : perSecond);
  }
}
