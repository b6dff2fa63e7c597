package dev.shopfed.gateway.http;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gateway.telemetry.*} settings. Metrics are always kept (scraped at {@code /actuator/prometheus});
 * tracing is off unless enabled.
 */
@ConfigurationProperties("gateway.telemetry")
public record TelemetryProperties(@DefaultValue Tracing tracing) {

  /**
   * @param enabled       export OpenTelemetry spans of each request (default false)
   * @param otlpEndpoint  the OTLP/HTTP traces endpoint (default {@code http://localhost:4318/v1/traces})
   * @param samplingRatio the share (0–1) of traces started here that are kept (default 1); a request that comes
   *                      with a {@code traceparent} follows its caller's sampling decision
   * @param serviceName   the {@code service.name} of the spans (default {@code gateway})
   * @param exportDelay   how long spans are batched before they are sent (default 2s)
   */
  public record Tracing(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("http://localhost:4318/v1/traces") URI otlpEndpoint,
      @DefaultValue("1.0") double samplingRatio,
      @DefaultValue("gateway") String serviceName,
      @DefaultValue("2s") Duration exportDelay) {}
}
