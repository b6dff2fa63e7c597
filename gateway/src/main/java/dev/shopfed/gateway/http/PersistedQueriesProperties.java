package dev.shopfed.gateway.http;

import dev.shopfed.gateway.persisted.PersistedQueriesOptions;
import dev.shopfed.gateway.persisted.PersistedQueryManifest;
import dev.shopfed.gateway.persisted.SafelistMode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code gateway.persisted-queries.*} settings: automatic persisted queries and the safelist.
 *
 * @param safelist       {@code off} (every operation runs, APQ registers new ones), {@code enforce} (only the
 *                       manifest's operations run) or {@code log-only} (all run; those outside the manifest are logged)
 * @param manifest       the persisted query list, Apollo's manifest format: a file path or an http(s) URL
 * @param requireId      with {@code enforce}, refuse operations sent as text: clients must send the id
 * @param maxEntries     how many APQ registrations the in-memory store keeps
 * @param maxSize        how much operation text the in-memory store keeps in all
 * @param redisUrl       {@code redis://host:port}: keep APQ registrations in Redis, shared by every gateway using it
 * @param redisKeyPrefix prefix of the Redis keys
 * @param redisTtl       how long a registration lives in Redis ({@code 0}: until Redis evicts it)
 * @param redisTimeout   how long a Redis command may take before it counts as a miss
 */
public record PersistedQueriesProperties(
    @DefaultValue("off") SafelistMode safelist,
    String manifest,
    @DefaultValue("false") boolean requireId,
    @DefaultValue("10000") long maxEntries,
    @DefaultValue("16MB") DataSize maxSize,
    URI redisUrl,
    @DefaultValue("gateway:apq:") String redisKeyPrefix,
    @DefaultValue("24h") Duration redisTtl,
    @DefaultValue("500ms") Duration redisTimeout) {

  private static final Duration MANIFEST_TIMEOUT = Duration.ofSeconds(30);

  /** The engine's settings, with the manifest read; throws {@link ManifestLoadFailure} when it cannot be. */
  PersistedQueriesOptions engineOptions() {
    PersistedQueryManifest operations = hasManifest() ? readManifest() : PersistedQueryManifest.EMPTY;
    if (safelist != SafelistMode.OFF && operations.isEmpty()) {
      throw new ManifestLoadFailure("gateway.persisted-queries.safelist="
          + safelist.name().toLowerCase(Locale.ROOT).replace('_', '-')
          + " needs a manifest with operations: set gateway.persisted-queries.manifest");
    }
    return new PersistedQueriesOptions(safelist, requireId, operations, maxEntries, maxSize.toBytes(),
        redisUrl, redisKeyPrefix, redisTtl, redisTimeout);
  }

  private boolean hasManifest() {
    return manifest != null && !manifest.isBlank();
  }

  private PersistedQueryManifest readManifest() {
    String location = manifest.trim();
    try {
      byte[] json = location.startsWith("http://") || location.startsWith("https://")
          ? fetch(location)
          : Files.readAllBytes(Path.of(location));
      return PersistedQueryManifest.parse(json);
    } catch (NoSuchFileException e) {
      throw new ManifestLoadFailure("Persisted query manifest " + location + " does not exist");
    } catch (IOException e) {
      throw new ManifestLoadFailure("Cannot read the persisted query manifest " + location + ": " + e);
    } catch (IllegalArgumentException e) {
      throw new ManifestLoadFailure("Invalid persisted query manifest " + location + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ManifestLoadFailure("Interrupted while fetching the persisted query manifest " + location);
    }
  }

  private static byte[] fetch(String location) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(MANIFEST_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<byte[]> response = client.send(
        HttpRequest.newBuilder(URI.create(location)).timeout(MANIFEST_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return response.body();
  }
}
