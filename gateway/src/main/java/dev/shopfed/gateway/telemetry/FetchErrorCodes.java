package dev.shopfed.gateway.telemetry;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Why a subgraph fetch failed, as a short code for its span: none for a 2xx answer. */
final class FetchErrorCodes {

  private FetchErrorCodes() {}

  static String of(int status, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return "SUBGRAPH_TIMEOUT";
    }
    if (cause != null) {
      return "SUBGRAPH_UNREACHABLE";
    }
    if (status < 200 || status >= 300) {
      return "SUBGRAPH_HTTP_" + status;
    }
    return null;
  }
}
