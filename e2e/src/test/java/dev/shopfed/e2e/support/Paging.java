package dev.shopfed.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Scrolls a cursor connection to its end, checking the cursors and counts on the way. */
public final class Paging {

  private static final int MAX_PAGES = 100;

  private Paging() {}

  /**
   * Fetches page after page ({@code first}/{@code after} added to {@code variables}) until
   * {@code hasNextPage} is false, and checks: no page is larger than asked, every page but the
   * last is full, no node repeats, and the node count equals {@code totalCount}.
   */
  public static List<JsonNode> scrollAll(Gateway gateway, Operation operation, Map<String, Object> variables,
      int pageSize, Function<JsonNode, JsonNode> connectionOf) {
    List<JsonNode> all = new ArrayList<>();
    String after = null;
    Integer totalCount = null;
    for (int page = 1; page <= MAX_PAGES; page++) {
      Map<String, Object> pageVariables = new HashMap<>(variables);
      pageVariables.put("first", pageSize);
      pageVariables.put("after", after);
      JsonNode connection = connectionOf.apply(gateway.anonymous(operation, pageVariables).data());
      String where = operation.label() + " " + variables + " page " + page;
      List<JsonNode> nodes = Json.nodes(connection);
      int reported = connection.path("totalCount").asInt();
      assertThat(totalCount == null ? reported : totalCount).as(where + ": totalCount stays the same").isEqualTo(reported);
      totalCount = reported;
      assertThat(nodes.size()).as(where + " size").isLessThanOrEqualTo(pageSize);
      all.addAll(nodes);
      if (!connection.at("/pageInfo/hasNextPage").asBoolean()) {
        assertThat(all.size()).as(where + ": items seen over all pages = totalCount").isEqualTo(totalCount);
        assertThat(Json.ids(all)).as(operation.label() + " " + variables + ": no item on two pages").doesNotHaveDuplicates();
        return all;
      }
      assertThat(nodes.size()).as(where + ": a page before the last is full").isEqualTo(pageSize);
      after = connection.at("/pageInfo/endCursor").asString();
      assertThat(after).as(where + ": endCursor when hasNextPage").isNotBlank();
    }
    throw new AssertionError(operation.label() + " " + variables + ": still hasNextPage after " + MAX_PAGES + " pages");
  }
}
