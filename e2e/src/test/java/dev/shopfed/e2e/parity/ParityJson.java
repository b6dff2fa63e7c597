package dev.shopfed.e2e.parity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out keeping object key order, and the canonical form responses are compared in. */
public final class ParityJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private static final JsonMapper PRETTY = MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ParityJson() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String json) {
    return MAPPER.readValue(json, LinkedHashMap.class);
  }

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static String pretty(Object value) {
    return PRETTY.writeValueAsString(value);
  }

  /**
   * The same value with every number as a BigDecimal without trailing zeros (JSON does not tell 5
   * from 5.0) and every signed value by its claims ({@link SignedValues}); maps stay ordered, so key order still counts.
   */
  public static Object canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), canonical(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(canonical(item)));
      return copy;
    }
    if (value instanceof String text) {
      return SignedValues.comparable(text);
    }
    if (value instanceof Number number) {
      BigDecimal decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
      return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    }
    return value;
  }
}
