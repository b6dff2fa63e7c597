package dev.shopfed.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The GraphiQL explorer page. It and every asset it loads come from the jar ({@code static/explorer/}); the
 * content security policy makes the browser refuse anything from elsewhere.
 */
final class ExplorerPage {

  static final String ASSETS = "static/explorer/";

  // Inline styles: React sets style attributes. data: fonts: GraphiQL's stylesheet embeds its fonts.
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'";

  private final byte[] html;

  private ExplorerPage(byte[] html) {
    this.html = html;
  }

  static ExplorerPage fromClasspath() {
    ClassPathResource resource = new ClassPathResource(ASSETS + "index.html");
    try (InputStream in = resource.getInputStream()) {
      return new ExplorerPage(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("explorer page " + ASSETS + "index.html is missing from the classpath", e);
    }
  }

  Mono<ServerResponse> page() {
    return ServerResponse.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache())
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .bodyValue(html);
  }
}
