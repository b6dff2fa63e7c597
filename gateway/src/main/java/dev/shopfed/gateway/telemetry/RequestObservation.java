package dev.shopfed.gateway.telemetry;

import java.util.List;
import java.util.function.Supplier;

/** One client operation while it runs: its server span, its timing, its access-log line. */
public interface RequestObservation {

  /**
   * Runs {@code work} with this request current, so that the stages and fetches it starts (synchronously, or from
   * the completion of a fetch) are counted and traced as this request's.
   */
  <T> T inScope(Supplier<T> work);

  /** The W3C trace id of this request, or empty when it is not traced. */
  String traceId();

  /**
   * Ends the observation once the response is known.
   *
   * @param status     the HTTP status answered
   * @param errorCodes the {@code extensions.code} of each error in the response, in order (never a message)
   */
  void end(int status, List<String> errorCodes);
}
