package dev.shopfed.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CacheControlTest {

  private static String merged(String a, String b) {
    return CacheControl.parse(a == null ? null : List.of(a)).merge(CacheControl.parse(b == null ? null : List.of(b)))
        .render();
  }

  @Test
  void theMostRestrictiveWins() {
    assertThat(merged("public, max-age=300", "public, max-age=60")).isEqualTo("public, max-age=60");
    assertThat(merged("public, max-age=300", "private, max-age=600")).isEqualTo("private, max-age=300");
    assertThat(merged("private, max-age=60", "no-store")).isEqualTo("no-store");
    assertThat(merged("max-age=60", null)).as("an answer silent about caching").isEqualTo("no-store");
    assertThat(merged("public, max-age=60", "no-cache")).isEqualTo("no-cache, max-age=60");
    assertThat(merged("max-age=junk", "public, max-age=10")).isEqualTo("max-age=0");
  }
}
