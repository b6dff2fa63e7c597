package dev.shopfed.e2e.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What the load's clients saw, shared by all of them: every request's outcome and time, and what the gateway
 * acknowledged (orders and payments), for the check against the commerce database afterwards.
 */
public final class Tally {

  /** An order the client was told about: checkout answered with its id. */
  public record AckedOrder(String buyer, String idempotencyKey, String orderId) {}

  /** A payment the client was told about. */
  public record AckedPayment(String orderId, String idempotencyKey, String paymentId) {}

  private final Duration answerBound;
  private final Instant start = Instant.now();
  private final Map<String, LongAdder> errorCodes = new ConcurrentHashMap<>();
  private final LongAdder requests = new LongAdder();
  private final LongAdder served = new LongAdder();
  private final LongAdder withinBound = new LongAdder();
  private final LongAdder withErrors = new LongAdder();
  private final Queue<Long> latenciesMillis = new ConcurrentLinkedQueue<>();
  private final Queue<String> bareAnswers = new ConcurrentLinkedQueue<>();
  private final Queue<String> unanswered = new ConcurrentLinkedQueue<>();
  private final Queue<String> inconsistencies = new ConcurrentLinkedQueue<>();
  private final Map<String, AckedOrder> orders = new ConcurrentHashMap<>();
  private final Map<String, AckedPayment> payments = new ConcurrentHashMap<>();

  public Tally(Duration answerBound) {
    this.answerBound = answerBound;
  }

  /** An answer with a GraphQL body (data and/or errors), whatever its status. */
  void served(Duration took, JsonNode errors) {
    count(took);
    served.increment();
    if (errors.isMissingNode() || errors.isEmpty()) {
      return;
    }
    withErrors.increment();
    for (JsonNode error : errors) {
      String code = error.path("extensions").path("code").asString("(no code)");
      errorCodes.computeIfAbsent(code, key -> new LongAdder()).increment();
    }
  }

  /** An answer without a GraphQL body: a bare 5xx, an HTML page, an empty or truncated body. */
  void bare(Duration took, String what) {
    count(took);
    bareAnswers.add(sinceStart() + " " + what);
  }

  /** No answer within the client's timeout, or the connection failed. */
  void unanswered(Duration took, String what) {
    count(took);
    unanswered.add(sinceStart() + " (after " + took.toMillis() + " ms) " + what);
  }

  /** "+12s": how far into the run, to line a problem up with the faults' timeline. */
  public String sinceStart() {
    return "+" + Duration.between(start, Instant.now()).toSeconds() + "s";
  }

  /** How often each error code came back, most frequent first. */
  public String errorCodes() {
    return errorCodes.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .map(e -> e.getKey() + "=" + e.getValue().sum())
        .collect(Collectors.joining(" ", "{", "}"));
  }

  /** Something the gateway answered that contradicts an earlier answer (a replay with another order id...). */
  void inconsistent(String what) {
    inconsistencies.add(what);
  }

  /**
   * Records an acknowledged order; a second acknowledgement of the same buyer's key must name the same order.
   */
  void orderAcknowledged(AckedOrder order) {
    AckedOrder earlier = orders.putIfAbsent(order.buyer() + "/" + order.idempotencyKey(), order);
    if (earlier != null && !earlier.orderId().equals(order.orderId())) {
      inconsistent("checkout key " + order.idempotencyKey() + " of " + order.buyer() + " answered order "
          + earlier.orderId() + " and later order " + order.orderId());
    }
  }

  void paymentAcknowledged(AckedPayment payment) {
    AckedPayment earlier = payments.putIfAbsent(payment.idempotencyKey(), payment);
    if (earlier != null && !earlier.paymentId().equals(payment.paymentId())) {
      inconsistent("payment key " + payment.idempotencyKey() + " answered payment " + earlier.paymentId()
          + " and later payment " + payment.paymentId());
    }
  }

  private void count(Duration took) {
    requests.increment();
    latenciesMillis.add(took.toMillis());
    if (took.compareTo(answerBound) <= 0) {
      withinBound.increment();
    }
  }

  public Duration answerBound() {
    return answerBound;
  }

  public long requests() {
    return requests.sum();
  }

  public long served() {
    return served.sum();
  }

  public long withinBound() {
    return withinBound.sum();
  }

  public long withErrors() {
    return withErrors.sum();
  }

  public List<String> bareAnswers() {
    return List.copyOf(bareAnswers);
  }

  public List<String> unanswered() {
    return List.copyOf(unanswered);
  }

  public List<String> inconsistencies() {
    return List.copyOf(inconsistencies);
  }

  public List<AckedOrder> orders() {
    return List.copyOf(orders.values());
  }

  public List<AckedPayment> payments() {
    return List.copyOf(payments.values());
  }

  /** The latency at this percentile (0..100) of every request, in milliseconds. */
  public long percentileMillis(double percentile) {
    List<Long> sorted = new ArrayList<>(latenciesMillis);
    if (sorted.isEmpty()) {
      return 0;
    }
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
