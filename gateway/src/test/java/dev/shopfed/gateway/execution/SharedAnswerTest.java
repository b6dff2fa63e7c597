package dev.shopfed.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** An answer several fetches share is parsed once, and each fetch merges into a copy of its own. */
class SharedAnswerTest {

  private static final byte[] BODY = "{\"data\":{\"b\":[{\"id\":\"1\",\"n\":2}],\"a\":null}}"
      .getBytes(StandardCharsets.UTF_8);

  @Test
  @SuppressWarnings("unchecked")
  void eachFetchGetsItsOwnCopyOfOneParse() {
    SubgraphClient.SubgraphResponse shared = new SubgraphClient.SubgraphResponse(200, BODY).sharedByFetches();

    Map<String, Object> first = (Map<String, Object>) shared.readTree();
    Map<String, Object> second = (Map<String, Object>) shared.readTree();

    assertThat(first).isEqualTo(Json.read(BODY)).isNotSameAs(second);
    assertThat(List.copyOf(((Map<String, Object>) first.get("data")).keySet())).containsExactly("b", "a");
    Map<String, Object> item = ((List<Map<String, Object>>) ((Map<String, Object>) first.get("data")).get("b")).get(0);
    item.put("merged", true); // as ResultTree merges in place
    assertThat(second).isEqualTo(Json.read(BODY));
    assertThat(shared.sharedByFetches()).isSameAs(shared);
  }

  @Test
  void aBodyThatIsNotJsonFailsForEveryFetch() {
    SubgraphClient.SubgraphResponse shared = new SubgraphClient.SubgraphResponse(502, "<html>".getBytes())
        .sharedByFetches();

    assertThatThrownBy(shared::readTree).isInstanceOf(JacksonException.class);
    assertThatThrownBy(shared::readTree).isInstanceOf(JacksonException.class);
  }
}
