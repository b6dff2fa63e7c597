package dev.shopfed.gateway.http;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code gateway.explorer.*} settings.
 *
 * @param signInUrl          a token endpoint the explorer may sign in with ({@code GET <url>?sub=u7} answering
 *                           {@code {"access_token": ...}}); when set, the explorer offers "Sign in as" and sends the
 *                           token as {@code Authorization: Bearer}. Meant for development issuers only; unset (the
 *                           default), no control.
 * @param initialOperation   a {@code .graphql} file the explorer opens on instead of its welcome comment (a
 *                           newcomer sees one of the API's real operations first); unset, GraphiQL's default
 * @param initialVariables   the variables (a JSON object) that go with it; unset, none
 */
public record ExplorerProperties(URI signInUrl, Path initialOperation, String initialVariables) {

  public ExplorerProperties {
    if (signInUrl != null && !isAbsoluteHttp(signInUrl)) {
      throw new IllegalArgumentException(
          "gateway.explorer.sign-in-url must be an absolute http(s) URL, not " + signInUrl);
    }
    if (initialVariables != null && !initialVariables.strip().startsWith("{")) {
      throw new IllegalArgumentException(
          "gateway.explorer.initial-variables must be a JSON object, not " + initialVariables);
    }
  }

  private static boolean isAbsoluteHttp(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
  }
}
