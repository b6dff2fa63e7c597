package dev.shopfed.gateway.telemetry;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per client operation with its outcome. Never the operation's text, its variables or any header: those
 * may hold personal data or credentials.
 */
final class AccessLog {

  /** The logger's name, so that it can be switched off or routed on its own. */
  static final String LOGGER = "dev.shopfed.gateway.access";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  private AccessLog() {}

  static void write(String requestId, String traceId, int status, String operationType, String operationName,
      long nanos, List<String> errorCodes) {
    if (!log.isInfoEnabled()) {
      return;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
    String operation = operationName == null ? "anonymous" : operationName;
    String type = operationType == null ? "unknown" : operationType;
    String previousRequest = MDC.get(ObservedRequest.REQUEST_ID);
    String previousTrace = MDC.get(ObservedRequest.TRACE_ID);
    ObservedRequest.putOrRemove(ObservedRequest.REQUEST_ID, requestId);
    ObservedRequest.putOrRemove(ObservedRequest.TRACE_ID, traceId.isEmpty() ? null : traceId);
    try {
      log.atInfo()
          .addKeyValue("http_status", status)
          .addKeyValue("operation_name", operation)
          .addKeyValue("operation_type", type)
          .addKeyValue("duration_ms", millis)
          .addKeyValue("error_codes", String.join(",", errorCodes))
          .log("{} {} {} {} ms{}", status, type, operation, millis, errorCodes.isEmpty() ? "" : " errors " + errorCodes);
    } finally {
      ObservedRequest.putOrRemove(ObservedRequest.REQUEST_ID, previousRequest);
      ObservedRequest.putOrRemove(ObservedRequest.TRACE_ID, previousTrace);
    }
  }
}
