package dev.shopfed.gateway.migration;

import dev.shopfed.gateway.identity.Identity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What ties a request to one buyer, so that the buyer sees one owner of a field throughout
 * ({@code gateway.migration.sticky-by}): a claim of the verified token ({@code claim:sub}) or a request header
 * ({@code header:x-device-id}). Without one, or for a request that has no value for it, every request draws anew.
 *
 * @param source where the value comes from
 * @param name   the claim's name, or the header's in lower case; null with {@link Source#NONE}
 */
public record StickyKey(Source source, String name) {

  public enum Source { NONE, CLAIM, HEADER }

  public StickyKey {
    if (source != Source.NONE && (name == null || name.isBlank())) {
      throw new IllegalArgumentException("a sticky key needs a " + source.name().toLowerCase(Locale.ROOT) + " name");
    }
    name = source == Source.NONE ? null : source == Source.HEADER ? name.trim().toLowerCase(Locale.ROOT) : name.trim();
  }

  public static StickyKey none() {
    return new StickyKey(Source.NONE, null);
  }

  /** {@code claim:<name>}, {@code header:<name>}, or blank for none. */
  public static StickyKey parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return none();
    }
    String value = setting.trim();
    if (value.startsWith("claim:")) {
      return new StickyKey(Source.CLAIM, value.substring(6));
    }
    if (value.startsWith("header:")) {
      return new StickyKey(Source.HEADER, value.substring(7));
    }
    throw new IllegalArgumentException("gateway.migration.sticky-by is claim:<name> or header:<name>, not " + value);
  }

  /** This request's value; null when it has none (anonymous, no such claim or header). */
  public String value(Identity identity, Map<String, List<String>> headers) {
    String value = switch (source) {
      case NONE -> null;
      case CLAIM -> claim(identity);
      case HEADER -> header(headers);
    };
    return value == null || value.isBlank() ? null : value;
  }

  private String claim(Identity identity) {
    Object claim = identity == null ? null : identity.claims().get(name);
    return claim == null ? null : claim.toString();
  }

  private String header(Map<String, List<String>> headers) {
    List<String> values = headers == null ? null : headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0).trim();
  }

  @Override
  public String toString() {
    return source == Source.NONE ? "none" : source.name().toLowerCase(Locale.ROOT) + ":" + name;
  }
}
