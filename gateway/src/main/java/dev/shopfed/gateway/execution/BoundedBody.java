package dev.shopfed.gateway.execution;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into a byte array, but never more than {@code maxBytes}: an answer announcing a larger
 * {@code Content-Length} is refused before its body is read, and a chunked one is cut off (the subscription
 * cancelled, so the client stops reading and drops the connection) as soon as it passes the limit. Either way the
 * body fails with {@link SubgraphResponseTooLarge}.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The largest array the JVM allocates. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final long maxBytes;
  private final boolean refuseAtOnce;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final List<byte[]> chunks = new ArrayList<>();
  private long received;
  private Flow.Subscription subscription;

  private BoundedBody(long maxBytes, boolean refuseAtOnce) {
    this.maxBytes = maxBytes;
    this.refuseAtOnce = refuseAtOnce;
  }

  static HttpResponse.BodyHandler<byte[]> handler(long maxBytes) {
    long limit = Math.min(maxBytes, MAX_ARRAY);
    return info -> {
      OptionalLong length = info.headers().firstValueAsLong("content-length");
      return new BoundedBody(limit, length.isPresent() && length.getAsLong() > limit);
    };
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (refuseAtOnce) {
      subscription.cancel();
      result.completeExceptionally(new SubgraphResponseTooLarge(maxBytes));
      return;
    }
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      received += buffer.remaining();
      if (received > maxBytes) {
        chunks.clear();
        subscription.cancel();
        result.completeExceptionally(new SubgraphResponseTooLarge(maxBytes));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      chunks.add(chunk);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable failure) {
    chunks.clear();
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    byte[] body = new byte[(int) received];
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, body, at, chunk.length);
      at += chunk.length;
    }
    chunks.clear();
    result.complete(body);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
