package dev.shopfed.gateway.http;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gateway.reload.*} settings: how a supergraph change is picked up and how the replaced one is retired.
 *
 * @param urlPollInterval how often a supergraph URL is asked again (conditionally: an unchanged one answers 304)
 * @param urlHeaders      headers sent with every fetch of a supergraph URL, e.g. the registry's {@code authorization}
 * @param drainTimeout    how long a replaced engine waits for the requests still holding it before it is closed anyway
 */
public record ReloadProperties(
    @DefaultValue("10s") Duration urlPollInterval,
    Map<String, String> urlHeaders,
    @DefaultValue("5m") Duration drainTimeout) {

  public ReloadProperties {
    urlHeaders = urlHeaders == null ? Map.of() : Map.copyOf(urlHeaders);
  }
}
