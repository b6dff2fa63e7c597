package dev.shopfed.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The GraphiQL explorer page. It and every asset it loads come from the jar ({@code static/explorer/}); the
 * content security policy makes the browser refuse anything from elsewhere. Its settings reach the script as
 * {@code <meta>} tags: the sign-in URL ({@code gateway.explorer.sign-in-url}), the only other origin the page may
 * connect to, and the operation and variables it opens on ({@code gateway.explorer.initial-operation},
 * {@code initial-variables}), read once at startup.
 */
final class ExplorerPage {

  static final String ASSETS = "static/explorer/";

  /** The script reads the sign-in URL from {@code <meta name="explorer-sign-in-url" content="...">}. */
  static final String SIGN_IN_META = "explorer-sign-in-url";

  /** The operation text the editor opens on, and its variables. */
  static final String INITIAL_OPERATION_META = "explorer-initial-operation";
  static final String INITIAL_VARIABLES_META = "explorer-initial-variables";

  // Inline styles: React sets style attributes. data: fonts: GraphiQL's stylesheet embeds its fonts.
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'";

  private final byte[] html;
  private final String contentSecurityPolicy;

  private ExplorerPage(byte[] html, String contentSecurityPolicy) {
    this.html = html;
    this.contentSecurityPolicy = contentSecurityPolicy;
  }

  static ExplorerPage fromClasspath() {
    return fromClasspath((URI) null);
  }

  /** The page; with a sign-in URL (nullable), its "Sign in as" control fetches tokens there. */
  static ExplorerPage fromClasspath(URI signInUrl) {
    return fromClasspath(new ExplorerProperties(signInUrl, null, null));
  }

  static ExplorerPage fromClasspath(ExplorerProperties settings) {
    ClassPathResource resource = new ClassPathResource(ASSETS + "index.html");
    String page;
    try (InputStream in = resource.getInputStream()) {
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("explorer page " + ASSETS + "index.html is missing from the classpath", e);
    }
    StringBuilder metas = new StringBuilder();
    if (settings.initialOperation() != null) {
      metas.append(meta(INITIAL_OPERATION_META, initialOperation(settings.initialOperation())));
    }
    if (settings.initialVariables() != null) {
      metas.append(meta(INITIAL_VARIABLES_META, settings.initialVariables()));
    }
    URI signInUrl = settings.signInUrl();
    String policy = CONTENT_SECURITY_POLICY;
    if (signInUrl != null) {
      metas.append(meta(SIGN_IN_META, signInUrl.toString()));
      policy = policy + " " + origin(signInUrl);
    }
    String withMetas = page.replace("</head>", metas + "</head>");
    return new ExplorerPage(withMetas.getBytes(StandardCharsets.UTF_8), policy);
  }

  private static String meta(String name, String content) {
    return "  <meta name=\"" + name + "\" content=\"" + HtmlUtils.htmlEscape(content) + "\">\n";
  }

  private static String initialOperation(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("gateway.explorer.initial-operation: cannot read " + file, e);
    }
  }

  /** The scheme, host and port of the URL: what {@code connect-src} needs, without a path it would restrict. */
  private static String origin(URI url) {
    String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost();
    return url.getPort() < 0 ? origin : origin + ":" + url.getPort();
  }

  Mono<ServerResponse> page() {
    return ServerResponse.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache())
        .header("Content-Security-Policy", contentSecurityPolicy)
        .bodyValue(html);
  }
}
