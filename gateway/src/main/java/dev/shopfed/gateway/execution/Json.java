package dev.shopfed.gateway.execution;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for subgraph traffic: objects become insertion-ordered maps, so response field order survives merging. */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Json() {}

  public static byte[] write(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  public static String writeString(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** Parses a JSON document; throws {@link tools.jackson.core.JacksonException} when it is not JSON. */
  public static Object read(byte[] json) {
    return MAPPER.readValue(json, Object.class);
  }
}
