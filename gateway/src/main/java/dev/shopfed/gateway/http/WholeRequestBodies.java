package dev.shopfed.gateway.http;

import java.io.ByteArrayOutputStream;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads every request's body to its end before the request is handled, so that no answer, a refusal included, is
 * written while its body is still unread. Reactor Netty stops reading a keep-alive connection now and then when
 * that happens, and the client's next request on it is never answered: a GET after an answer written from another
 * thread about one time in twenty, the request after a CSRF or media-type refusal almost every time.
 *
 * <p>A body over the size limit is read on and dropped, so that its 413 reaches the client and the connection stays
 * usable; past a further bound it is not read on, and the 413 closes the connection.
 */
final class WholeRequestBodies implements WebFilter, Ordered {

  private final int limitBytes;
  private final long dropLimitBytes;

  WholeRequestBodies(int limitBytes, long dropLimitBytes) {
    this.limitBytes = limitBytes;
    this.dropLimitBytes = dropLimitBytes;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    return read(request.getBody()).flatMap(body -> {
      if (body.size() <= limitBytes) {
        return chain.filter(exchange.mutate().request(new ReadBody(request, body.bytes())).build());
      }
      if (body.size() > dropLimitBytes) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
      }
      return Mono.error(RejectedRequest.tooLarge(limitBytes));
    });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  /** The body up to the limit, then only counted, up to just past the drop limit. */
  private Mono<Body> read(Flux<DataBuffer> buffers) {
    Body body = new Body(limitBytes);
    return buffers.doOnNext(body::add).takeUntil(buffer -> body.size() > dropLimitBytes)
        .then(Mono.fromSupplier(() -> body));
  }

  /** The bytes of a body within the limit, and the size of one beyond it. */
  private static final class Body {

    private final int limitBytes;
    private final ByteArrayOutputStream bytes;
    private long size;

    Body(int limitBytes) {
      this.limitBytes = limitBytes;
      this.bytes = new ByteArrayOutputStream(Math.min(limitBytes, 1024));
    }

    /** Takes the buffer's bytes while within the limit, and releases it. */
    void add(DataBuffer buffer) {
      size += buffer.readableByteCount();
      if (size <= limitBytes) {
        byte[] chunk = new byte[buffer.readableByteCount()];
        buffer.read(chunk);
        bytes.writeBytes(chunk);
      }
      DataBufferUtils.release(buffer);
    }

    long size() {
      return size;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  /** The request with its body already read. */
  private static final class ReadBody extends ServerHttpRequestDecorator {

    private final byte[] body;

    ReadBody(ServerHttpRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return body.length == 0 ? Flux.empty()
          : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
    }
  }
}
