package dev.shopfed.gateway.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseComparisonTest {

  private static final String ANSWER = """
      {"data":{"a":1,"b":[{"c":"x"},null]},"errors":[{"message":"m","path":["b",1],"extensions":{"code":"E"}}]}""";

  @Test
  void sameAnswerAgreesEvenWithOtherMessagesAndNumberForms() {
    Map<String, Object> other = Json.parseObject("""
        {"data":{"a":1.0,"b":[{"c":"x"},null]},"errors":[{"message":"other words","path":["b",1],"extensions":{"code":"E"}}]}""");
    assertTrue(ResponseComparison.difference(Json.parseObject(ANSWER), other).isEmpty());
  }

  @Test
  void changedLeafIsReportedWithItsPath() {
    Map<String, Object> other = Json.parseObject(ANSWER.replace("\"x\"", "\"y\""));
    String difference = ResponseComparison.difference(Json.parseObject(ANSWER), other).orElseThrow();
    assertTrue(difference.startsWith("data.b[0].c: \"y\", expected \"x\""), difference);
  }

  @Test
  void keyOrderCounts() {
    Map<String, Object> other = Json.parseObject(ANSWER.replace("\"a\":1,\"b\":[{\"c\":\"x\"},null]", "\"b\":[{\"c\":\"x\"},null],\"a\":1"));
    String difference = ResponseComparison.difference(Json.parseObject(ANSWER), other).orElseThrow();
    assertTrue(difference.startsWith("data: keys [b, a], expected [a, b]"), difference);
  }

  @Test
  void errorsCompareByPathAndCode() {
    Map<String, Object> otherCode = Json.parseObject(ANSWER.replace("\"E\"", "\"F\""));
    Map<String, Object> otherPath = Json.parseObject(ANSWER.replace("[\"b\",1]", "[\"b\",0]"));
    Map<String, Object> noErrors = Json.parseObject("{\"data\":{\"a\":1,\"b\":[{\"c\":\"x\"},null]}}");
    assertTrue(ResponseComparison.difference(Json.parseObject(ANSWER), otherCode).isPresent());
    assertTrue(ResponseComparison.difference(Json.parseObject(ANSWER), otherPath).isPresent());
    assertTrue(ResponseComparison.difference(Json.parseObject(ANSWER), noErrors).isPresent());
  }

  @Test
  void expectedErrorWithoutCodeMatchesAnyCodeAtItsPath() {
    Map<String, Object> specified = Json.parseObject(ANSWER.replace(",\"extensions\":{\"code\":\"E\"}", ""));
    assertTrue(ResponseComparison.difference(specified, Json.parseObject(ANSWER)).isEmpty());
    Map<String, Object> elsewhere = Json.parseObject(ANSWER.replace("[\"b\",1]", "[\"a\"]"));
    assertTrue(ResponseComparison.difference(specified, elsewhere).isPresent());
  }

  @Test
  void absentDataDiffersFromNullData() {
    Map<String, Object> rejected = Json.parseObject("{\"errors\":[{\"message\":\"m\",\"extensions\":{\"code\":\"E\"}}]}");
    Map<String, Object> nulled = Json.parseObject("{\"data\":null,\"errors\":[{\"message\":\"m\",\"extensions\":{\"code\":\"E\"}}]}");
    assertEquals("data is missing", ResponseComparison.difference(nulled, rejected).orElseThrow().lines().findFirst().orElseThrow());
  }
}
