package dev.shopfed.gateway.http;

import dev.shopfed.gateway.defer.IncrementalResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * An incremental response as {@code multipart/mixed} (the incremental delivery over HTTP draft, as Apollo Router and
 * Apollo Client speak it): each part a JSON payload, written and flushed as soon as it is ready, a closing
 * delimiter after the last.
 */
final class MultipartParts {

  static final String BOUNDARY = "graphql";
  static final MediaType DEFER_SPEC = MediaType.parseMediaType(
      "multipart/mixed;boundary=\"" + BOUNDARY + "\";deferSpec=20220824");

  private static final String PART_HEADERS = "\r\ncontent-type: application/json; charset=utf-8\r\n\r\n";
  private static final String DELIMITER = "\r\n--" + BOUNDARY;

  private MultipartParts() {}

  /** The parts in order: the initial one, then each later one when the engine delivers it. */
  static Flux<DataBuffer> body(IncrementalResponse response, JsonMapper json, DataBufferFactory buffers) {
    Flux<Map<String, Object>> later = Flux.create(sink -> {
      response.subscribe(sink::next);
      response.finished().whenComplete((done, failure) -> sink.complete());
    });
    Flux<String> parts = Flux.concat(
        Flux.just(DELIMITER + part(json, response.initial().body())),
        later.map(payload -> part(json, payload)),
        Flux.just("--\r\n"));
    return parts.map(text -> buffers.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A part's headers and body, then the delimiter that ends it. */
  private static String part(JsonMapper json, Map<String, Object> payload) {
    return PART_HEADERS + json.writeValueAsString(payload) + DELIMITER;
  }
}
