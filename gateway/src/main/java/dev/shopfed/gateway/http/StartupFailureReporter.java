package dev.shopfed.gateway.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a supergraph (or persisted query manifest, or migration labels file) that cannot be loaded at start-up as one log line instead of Spring Boot's stack trace.
 * Registered in {@code META-INF/spring.factories}; other failures are left to Spring Boot's own reporters.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartupFailureReporter implements SpringBootExceptionReporter {

  private static final Logger log = LoggerFactory.getLogger(GatewayApplication.class);

  @Override
  public boolean reportException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SupergraphLoadFailure || t instanceof ManifestLoadFailure
          || t instanceof MigrationLabelsFailure) {
        log.error("Cannot start: {}", t.getMessage());
        return true;
      }
    }
    return false;
  }
}
