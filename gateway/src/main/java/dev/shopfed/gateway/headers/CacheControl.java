package dev.shopfed.gateway.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The caching a response allows, as far as merging several subgraphs' answers needs: the merge is the most
 * restrictive (no-store over private over the smallest max-age), so a response is never cached longer or more widely
 * than its most sensitive part allows. An answer without {@code cache-control} counts as {@code no-store}.
 */
record CacheControl(boolean noStore, boolean isPrivate, boolean noCache, Long maxAge, boolean isPublic) {

  static final CacheControl NO_STORE = new CacheControl(true, false, false, null, false);

  static CacheControl parse(List<String> values) {
    if (values == null || values.isEmpty()) {
      return NO_STORE;
    }
    boolean noStore = false, isPrivate = false, noCache = false, isPublic = false;
    Long maxAge = null;
    for (String value : values) {
      for (String part : value.split(",")) {
        String directive = part.strip().toLowerCase(Locale.ROOT);
        noStore |= directive.equals("no-store");
        isPrivate |= directive.equals("private");
        noCache |= directive.equals("no-cache");
        isPublic |= directive.equals("public");
        if (directive.startsWith("max-age=")) {
          maxAge = min(maxAge, seconds(directive.substring("max-age=".length())));
        }
      }
    }
    return new CacheControl(noStore, isPrivate, noCache, maxAge, isPublic);
  }

  CacheControl merge(CacheControl other) {
    return new CacheControl(noStore || other.noStore, isPrivate || other.isPrivate, noCache || other.noCache,
        min(maxAge, other.maxAge), isPublic && other.isPublic);
  }

  String render() {
    if (noStore) {
      return "no-store";
    }
    List<String> parts = new ArrayList<>();
    if (isPrivate) {
      parts.add("private");
    } else if (isPublic) {
      parts.add("public");
    }
    if (noCache) {
      parts.add("no-cache");
    }
    if (maxAge != null) {
      parts.add("max-age=" + maxAge);
    }
    return parts.isEmpty() ? "no-store" : String.join(", ", parts);
  }

  private static Long seconds(String text) {
    try {
      return Math.max(0, Long.parseLong(text.strip().replace("\"", "")));
    } catch (NumberFormatException e) {
      return 0L; // unreadable: as if it must not be reused
    }
  }

  private static Long min(Long a, Long b) {
    return a == null ? b : b == null ? a : Math.min(a, b);
  }
}
