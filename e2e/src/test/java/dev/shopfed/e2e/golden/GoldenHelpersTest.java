package dev.shopfed.e2e.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The comparison and the shapes of generated values, without a federation. */
class GoldenHelpersTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant START = Instant.parse("2030-05-01T10:00:00Z");
  private static final Instant NOW = START.plusSeconds(30);

  @Test
  void keyOrderValuesAndArrayLengthsAllCount() {
    assertThat(JsonDiff.between(json("{\"a\":1,\"b\":[1,2]}"), json("{\"a\":1,\"b\":[1,2]}"))).isEmpty();
    assertThat(JsonDiff.between(json("{\"a\":1,\"b\":2}"), json("{\"b\":2,\"a\":1}")))
        .containsExactly("/: expected keys [a, b] but were [b, a]");
    assertThat(JsonDiff.between(json("{\"a\":{\"x\":\"1\"}}"), json("{\"a\":{\"x\":1}}")))
        .containsExactly("/a/x: expected \"1\" but was 1");
    assertThat(JsonDiff.between(json("[1,2]"), json("[1,3,4]")))
        .containsExactly("/: expected 2 elements but were 3", "/1: expected 2 but was 3");
    assertThat(JsonDiff.between(json("{\"a\":null}"), json("{\"a\":{}}")))
        .containsExactly("/a: expected null but was {}");
  }

  @Test
  void storedTextIsStable() {
    JsonNode node = json("{\"a\":[],\"b\":{},\"c\":[{\"d\":\"x\\\"y\",\"e\":4.5}],\"f\":null}");
    assertThat(JsonText.write(node)).isEqualTo("""
        {
          "a": [],
          "b": {},
          "c": [
            {
              "d": "x\\"y",
              "e": 4.5
            }
          ],
          "f": null
        }
        """);
    assertThat(JsonDiff.between(node, json(JsonText.write(node)))).isEmpty();
  }

  @Test
  void generatedIdsMustBeTheServicesIds() {
    Generated.Shape order = Generated.Shape.ORDER_ID;
    assertThat(order.problem(text("ord-0f8e4c52-3b1a-4d7e-9c2a-5e6f7a8b9c0d"), START, NOW)).isNull();
    assertThat(order.problem(text("o1"), START, NOW)).contains("not an order id");
    assertThat(order.problem(text("pay-0f8e4c52-3b1a-4d7e-9c2a-5e6f7a8b9c0d"), START, NOW)).isNotNull();
    assertThat(order.problem(text(""), START, NOW)).isNotNull();
    assertThat(order.problem(JsonNodeFactory.instance.nullNode(), START, NOW)).isNotNull();
    assertThat(order.problem(json("{}").path("id"), START, NOW)).startsWith("missing");
    assertThat(Generated.Shape.PAYMENT_ID.problem(text("pay-0f8e4c52-3b1a-4d7e-9c2a-5e6f7a8b9c0d"), START, NOW))
        .isNull();
  }

  @Test
  void generatedTimestampsMustBeInstantsOfThisRun() {
    Generated.Shape instant = Generated.Shape.INSTANT;
    assertThat(instant.problem(text("2030-05-01T10:00:12Z"), START, NOW)).isNull();
    assertThat(instant.problem(text("2030-05-01T09:59:58Z"), START, NOW)).as("seconds are truncated").isNull();
    assertThat(instant.problem(text("2025-02-12T09:13:00Z"), START, NOW)).contains("the run began at");
    assertThat(instant.problem(text("2030-05-01T10:00:12"), START, NOW)).contains("no Z");
    assertThat(instant.problem(text("yesterday Z"), START, NOW)).isNotNull();
    assertThat(instant.problem(json("1"), START, NOW)).isNotNull();
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.stringNode(value);
  }
}
