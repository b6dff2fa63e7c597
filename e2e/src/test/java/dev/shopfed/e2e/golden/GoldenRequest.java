package dev.shopfed.e2e.golden;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of a golden answer: which operation of the document, as which buyer, with which
 * variables, and at which response paths a {@link Generated} value is expected. Immutable; the
 * builder methods return a copy. Insertion order is kept, so the stored file reads as written here.
 */
public final class GoldenRequest {

  private final String operationName;
  private final String userId;
  private final Map<String, Object> variables;
  private final Map<String, Generated> generated;

  private GoldenRequest(String operationName, String userId, Map<String, Object> variables,
      Map<String, Generated> generated) {
    this.operationName = operationName;
    this.userId = userId;
    this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    this.generated = Collections.unmodifiableMap(new LinkedHashMap<>(generated));
  }

  /** An anonymous request for the named operation, with no variables. */
  public static GoldenRequest operation(String operationName) {
    return new GoldenRequest(operationName, null, Map.of(), Map.of());
  }

  /** The same request, signed in as the seeded buyer {@code userId} (a bearer token from the dev issuer). */
  public GoldenRequest as(String userId) {
    return new GoldenRequest(operationName, userId, variables, generated);
  }

  /**
   * The same request with one more variable. The value is sent as JSON (maps, lists, strings,
   * numbers, booleans); a {@link Generated} value sends what an earlier request bound to its name and
   * is stored as the placeholder.
   */
  public GoldenRequest with(String variable, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(variables);
    copy.put(variable, value);
    return new GoldenRequest(operationName, userId, copy, generated);
  }

  /**
   * The same request, expecting a generated value at a JSON pointer of the response (e.g.
   * {@code /data/checkout/id}); only there is the live value replaced by the placeholder.
   */
  public GoldenRequest generated(String pointer, Generated value) {
    if (!pointer.startsWith("/data/")) {
      throw new IllegalArgumentException("generated values are only expected under /data/, not at " + pointer);
    }
    Map<String, Generated> copy = new LinkedHashMap<>(generated);
    copy.put(pointer, value);
    return new GoldenRequest(operationName, userId, variables, copy);
  }

  public String operationName() {
    return operationName;
  }

  public String userId() {
    return userId;
  }

  public Map<String, Object> variables() {
    return variables;
  }

  public Map<String, Generated> generated() {
    return generated;
  }
}
