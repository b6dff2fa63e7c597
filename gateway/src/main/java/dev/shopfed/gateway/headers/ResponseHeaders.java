package dev.shopfed.gateway.headers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The subgraph response headers of one client request that go back to the client: the chosen ones of every
 * subgraph answer, each value once; {@code cache-control} merged to the most restrictive. Fetches answer
 * concurrently, so it is synchronized.
 */
public final class ResponseHeaders {

  private static final String CACHE_CONTROL = "cache-control";

  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private CacheControl cacheControl;

  /** Takes the {@code chosen} (lower-case) of one subgraph answer's {@code headers} (names in any case). */
  public synchronized void collect(Set<String> chosen, Map<String, List<String>> headers) {
    if (chosen.isEmpty()) {
      return;
    }
    Map<String, List<String>> answered = lowerCase(headers);
    for (String name : chosen) {
      if (HeaderRules.HOP_BY_HOP.contains(name)) {
        continue;
      }
      if (name.equals(CACHE_CONTROL)) {
        CacheControl parsed = CacheControl.parse(answered.get(name));
        cacheControl = cacheControl == null ? parsed : cacheControl.merge(parsed);
        continue;
      }
      for (String value : answered.getOrDefault(name, List.of())) {
        List<String> kept = values.computeIfAbsent(name, n -> new ArrayList<>());
        if (!kept.contains(value)) {
          kept.add(value);
        }
      }
    }
  }

  /** The headers for the client response (empty when no subgraph answered any chosen one). */
  public synchronized Map<String, List<String>> toMap() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    values.forEach((name, list) -> headers.put(name, List.copyOf(list)));
    if (cacheControl != null) {
      headers.put(CACHE_CONTROL, List.of(cacheControl.render()));
    }
    return headers;
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach((name, list) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
        .addAll(list));
    return lower;
  }
}
