package dev.shopfed.e2e.golden;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a stored answer the same way on every machine: two-space indent, {@code "key": value},
 * keys in the order received, {@code \n} line ends, a final newline. Values are written by Jackson,
 * so strings are escaped and numbers keep their form.
 */
final class JsonText {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonText() {}

  static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, "", out);
    return out.append('\n').toString();
  }

  private static void write(JsonNode node, String indent, StringBuilder out) {
    String inner = indent + "  ";
    if (node.isObject()) {
      if (node.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(inner).append(JSON.writeValueAsString(field.getKey())).append(": ");
        write(field.getValue(), inner, out);
        out.append(fields.hasNext() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        out.append(inner);
        write(node.get(i), inner, out);
        out.append(i < node.size() - 1 ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else {
      out.append(JSON.writeValueAsString(node));
    }
  }
}
