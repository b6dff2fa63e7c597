package dev.shopfed.gateway.http;

import java.net.URI;
import java.util.Locale;

/**
 * The {@code gateway.explorer.*} settings.
 *
 * @param signInUrl a token endpoint the explorer may sign in with ({@code GET <url>?sub=u7} answering
 *                  {@code {"access_token": ...}}); when set, the explorer offers "Sign in as" and sends the token as
 *                  {@code Authorization: Bearer}. Meant for development issuers only; unset (the default), no control.
 */
public record ExplorerProperties(URI signInUrl) {

  public ExplorerProperties {
    if (signInUrl != null && !isAbsoluteHttp(signInUrl)) {
      throw new IllegalArgumentException(
          "gateway.explorer.sign-in-url must be an absolute http(s) URL, not " + signInUrl);
    }
  }

  private static boolean isAbsoluteHttp(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null;
  }
}
