package dev.shopfed.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.execution.SubgraphCall;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.execution.SubgraphUnavailable;
import dev.shopfed.gateway.supergraph.Subgraph;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The decorators as {@link SubgraphTransport#compose} puts them together, over a stub transport. */
class TransportDecoratorsTest {

  private static final Subgraph PROMO = new Subgraph("PROMO", "promo", "http://promo.invalid/graphql");
  private static final SubgraphClient.SubgraphResponse OK = new SubgraphClient.SubgraphResponse(200,
      "{\"data\":{}}".getBytes());

  @Test
  void requestsPastTheInFlightBoundWaitForAFreePlace() throws Exception {
    Queue<CompletableFuture<SubgraphClient.SubgraphResponse>> pending = new ConcurrentLinkedQueue<>();
    SubgraphClient held = (subgraph, body, headers) -> {
      CompletableFuture<SubgraphClient.SubgraphResponse> answer = new CompletableFuture<>();
      pending.add(answer);
      return answer;
    };
    TrafficOptions options = traffic(2, BreakerOptions.defaults(), noRetries());
    SubgraphClient client = SubgraphTransport.compose(held, options, new SubgraphBreakers(options));

    var first = client.post(PROMO, new byte[0], Map.of(), call(true));
    var second = client.post(PROMO, new byte[0], Map.of(), call(true));
    var third = client.post(PROMO, new byte[0], Map.of(), call(true));
    assertThat(pending).hasSize(2);

    pending.poll().complete(OK);
    assertThat(first.get(1, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(pending).hasSize(2); // the third went out once the first was done
    pending.forEach(p -> p.complete(OK));
    assertThat(second.get(1, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(third.get(1, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  @Test
  void aWaiterGivesUpAtItsTimeout() throws Exception {
    SubgraphClient never = (subgraph, body, headers) -> new CompletableFuture<>();
    TrafficOptions options = traffic(1, BreakerOptions.defaults(), noRetries());
    SubgraphClient client = SubgraphTransport.compose(never, options, new SubgraphBreakers(options));
    client.post(PROMO, new byte[0], Map.of(), call(true));

    var waiting = client.post(PROMO, new byte[0], Map.of(),
        SubgraphCall.startingNow(true, Duration.ofMillis(100)));
    assertThat(failure(waiting)).isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void slowCallsOpenTheBreaker() throws Exception {
    SubgraphClient slow = (subgraph, body, headers) -> CompletableFuture.supplyAsync(() -> OK,
        CompletableFuture.delayedExecutor(60, TimeUnit.MILLISECONDS));
    BreakerOptions breaker = new BreakerOptions(true, 50, 50, Duration.ofMillis(20), 4, 4, Duration.ofMinutes(1), 1);
    TrafficOptions options = traffic(10, breaker, noRetries());
    SubgraphBreakers breakers = new SubgraphBreakers(options);
    SubgraphClient client = SubgraphTransport.compose(slow, options, breakers);
    for (int i = 0; i < 4; i++) {
      assertThat(client.post(PROMO, new byte[0], Map.of(), call(true)).get(1, TimeUnit.SECONDS).status())
          .isEqualTo(200); // slow, but answered
    }
    assertThat(breakers.states()).isEqualTo(Map.of("promo", "OPEN"));
    assertThat(failure(client.post(PROMO, new byte[0], Map.of(), call(true))))
        .isInstanceOf(SubgraphUnavailable.class);
  }

  @Test
  void aRefusedQueryIsRetriedAndAMutationIsNot() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    SubgraphClient refusing = (subgraph, body, headers) -> sent.incrementAndGet() < 3
        ? CompletableFuture.failedFuture(new ConnectException("refused"))
        : CompletableFuture.completedFuture(OK);
    RetryOptions retry = new RetryOptions(true, 2, Duration.ofMillis(5), Duration.ofMillis(10), 20,
        Duration.ofSeconds(10), 10);
    TrafficOptions options = traffic(10, BreakerOptions.defaults(), retry);
    SubgraphClient client = SubgraphTransport.compose(refusing, options, new SubgraphBreakers(options));

    assertThat(client.post(PROMO, new byte[0], Map.of(), call(true)).get(1, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(sent).hasValue(3);

    sent.set(0);
    assertThat(failure(client.post(PROMO, new byte[0], Map.of(), call(false)))).isInstanceOf(ConnectException.class);
    assertThat(sent).hasValue(1);
  }

  @Test
  void backoffIsJitteredUnderTheExponentialStepAndTheCap() {
    RetryOptions retry = new RetryOptions(true, 5, Duration.ofMillis(50), Duration.ofMillis(120), 20,
        Duration.ofSeconds(10), 10);
    for (int i = 0; i < 200; i++) {
      assertThat(RetryingSubgraphClient.backoff(retry, 1)).isBetween(Duration.ZERO, Duration.ofMillis(50));
      assertThat(RetryingSubgraphClient.backoff(retry, 2)).isBetween(Duration.ZERO, Duration.ofMillis(100));
      assertThat(RetryingSubgraphClient.backoff(retry, 5)).isBetween(Duration.ZERO, Duration.ofMillis(120));
    }
  }

  private static Throwable failure(CompletableFuture<?> future) throws InterruptedException {
    try {
      future.get(2, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer within 2 s", e);
    }
    throw new AssertionError("did not fail");
  }

  private static SubgraphCall call(boolean retryable) {
    return SubgraphCall.startingNow(retryable, Duration.ofSeconds(5));
  }

  private static RetryOptions noRetries() {
    return new RetryOptions(false, 0, Duration.ZERO, Duration.ZERO, 20, Duration.ofSeconds(10), 10);
  }

  private static TrafficOptions traffic(int maxConcurrent, BreakerOptions breaker, RetryOptions retry) {
    SubgraphTraffic all = new SubgraphTraffic(Duration.ofSeconds(1), Duration.ofSeconds(5), maxConcurrent, false,
        1 << 20, breaker, retry, false);
    return TrafficOptions.of(Duration.ofSeconds(5), 1 << 20).withAll(all);
  }
}
