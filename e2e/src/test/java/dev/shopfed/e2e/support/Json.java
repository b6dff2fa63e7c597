package dev.shopfed.e2e.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Small readers for response trees. */
public final class Json {

  private Json() {}

  public static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  /** The nodes of a connection's edges. */
  public static List<JsonNode> nodes(JsonNode connection) {
    return list(connection.path("edges")).stream().map(edge -> edge.get("node")).toList();
  }

  public static List<String> strings(JsonNode array) {
    return list(array).stream().map(JsonNode::asString).toList();
  }

  public static List<String> ids(List<JsonNode> nodes) {
    return nodes.stream().map(node -> node.path("id").asString()).toList();
  }
}
