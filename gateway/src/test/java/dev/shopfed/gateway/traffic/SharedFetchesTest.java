package dev.shopfed.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopfed.gateway.execution.SubgraphCall;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.supergraph.Subgraph;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Identical query fetches in flight share one request; anything that tells two callers apart does not. */
class SharedFetchesTest {

  private static final Subgraph PROMO = new Subgraph("PROMO", "promo", "http://promo.invalid/graphql");
  private static final SubgraphClient.SubgraphResponse OK = new SubgraphClient.SubgraphResponse(200,
      "{\"data\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8));
  private static final Map<String, List<String>> ALICE = Map.of("authorization", List.of("Bearer alice"));

  private final List<CompletableFuture<SubgraphClient.SubgraphResponse>> sent = new CopyOnWriteArrayList<>();
  private final List<String> shared = new ArrayList<>();
  private final SubgraphClient held = (subgraph, body, headers) -> {
    CompletableFuture<SubgraphClient.SubgraphResponse> answer = new CompletableFuture<>();
    sent.add(answer);
    return answer;
  };

  @Test
  void identicalQueryFetchesInFlightShareOneRequestAndItsAnswer() throws Exception {
    SubgraphClient client = shared(true);
    var first = client.post(PROMO, body("{ a }"), ALICE, query());
    var second = client.post(PROMO, body("{ a }"), Map.of("authorization", List.of("Bearer alice")), query());

    assertThat(sent).hasSize(1);
    assertThat(shared).containsExactly("promo");
    sent.get(0).complete(OK);
    var firstAnswer = first.get(1, TimeUnit.SECONDS);
    var secondAnswer = second.get(1, TimeUnit.SECONDS);
    assertThat(firstAnswer.body()).isSameAs(OK.body());
    assertThat(secondAnswer.body()).isSameAs(OK.body());
    // both read one parse of the shared answer
    assertThat(firstAnswer.shared()).isNotNull().isSameAs(secondAnswer.shared());

    client.post(PROMO, body("{ a }"), ALICE, query()); // the first has answered: a request of its own
    assertThat(sent).hasSize(2);
  }

  @Test
  void anotherBodyHeaderOrSubgraphIsAnotherRequest() {
    SubgraphClient client = shared(true);
    client.post(PROMO, body("{ a }"), ALICE, query());
    client.post(PROMO, body("{ b }"), ALICE, query());
    client.post(PROMO, body("{ a }"), Map.of("authorization", List.of("Bearer bob")), query());
    client.post(PROMO, body("{ a }"), Map.of(), query());
    client.post(new Subgraph("COMMERCE", "commerce", "http://commerce.invalid/graphql"), body("{ a }"), ALICE,
        query());

    assertThat(sent).hasSize(5);
    assertThat(shared).isEmpty();
  }

  @Test
  void aMutationsFetchIsNeverShared() {
    SubgraphClient client = shared(true);
    SubgraphCall mutation = SubgraphCall.startingNow(false, Duration.ofSeconds(5));
    client.post(PROMO, body("mutation { m }"), ALICE, mutation);
    client.post(PROMO, body("mutation { m }"), ALICE, mutation);

    assertThat(sent).hasSize(2);
  }

  @Test
  void turnedOffEveryFetchIsItsOwnRequest() {
    SubgraphClient client = shared(false);
    client.post(PROMO, body("{ a }"), ALICE, query());
    client.post(PROMO, body("{ a }"), ALICE, query());

    assertThat(sent).hasSize(2);
  }

  @Test
  void aFailureReachesEveryFetchThatSharedTheRequest() {
    SubgraphClient client = shared(true);
    var first = client.post(PROMO, body("{ a }"), ALICE, query());
    var second = client.post(PROMO, body("{ a }"), ALICE, query());
    sent.get(0).completeExceptionally(new ConnectException("refused"));

    assertThatThrownBy(() -> first.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> second.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void oneCallerGivingUpDoesNotCancelTheOthers() throws Exception {
    SubgraphClient client = shared(true);
    var first = client.post(PROMO, body("{ a }"), ALICE, query());
    var second = client.post(PROMO, body("{ a }"), ALICE, query());
    first.cancel(true);
    sent.get(0).complete(OK);

    assertThat(second.get(1, TimeUnit.SECONDS).body()).isSameAs(OK.body());
  }

  private SubgraphClient shared(boolean deduplicate) {
    TrafficOptions options = TrafficOptions.of(Duration.ofSeconds(5), 1 << 20);
    options = options.withAll(options.all().withDeduplicate(deduplicate));
    return new SharedFetches(held, options, shared::add);
  }

  private static SubgraphCall query() {
    return SubgraphCall.startingNow(true, Duration.ofSeconds(5));
  }

  private static byte[] body(String query) {
    return ("{\"query\":\"" + query + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
