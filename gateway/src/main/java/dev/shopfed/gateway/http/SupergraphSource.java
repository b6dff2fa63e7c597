package dev.shopfed.gateway.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the supergraph SDL comes from: a file, which can be watched for changes, or an http(s) URL (a schema
 * registry), which can be polled with {@code If-None-Match} / {@code If-Modified-Since} so an unchanged supergraph
 * costs a 304.
 */
final class SupergraphSource {

  private static final Duration URL_TIMEOUT = Duration.ofSeconds(30);

  /** What a file looked like when last read; a different stamp means it may have changed. */
  record Stamp(long modifiedMillis, long size) {}

  /** The validators a URL answered with, sent back on the next poll; either may be null. */
  record Validators(String etag, String lastModified) {
    static final Validators NONE = new Validators(null, null);
  }

  /** One poll of a URL: either unchanged since the validators sent, or a body and its new validators. */
  sealed interface Poll {
    record Unchanged() implements Poll {}

    record Changed(String sdl, Validators validators) implements Poll {}
  }

  private final String location;
  private final Map<String, String> headers;
  private HttpClient client; // made on the first URL fetch, then reused

  private SupergraphSource(String location, Map<String, String> headers) {
    this.location = location;
    this.headers = Map.copyOf(headers);
  }

  static SupergraphSource of(String location) {
    return of(location, Map.of());
  }

  /** {@code headers} go with every URL fetch, e.g. the registry's {@code authorization}. */
  static SupergraphSource of(String location, Map<String, String> headers) {
    return new SupergraphSource(location == null ? "" : location.trim(), headers == null ? Map.of() : headers);
  }

  String location() {
    return location;
  }

  boolean isUrl() {
    return location.startsWith("http://") || location.startsWith("https://");
  }

  String read() {
    if (location.isEmpty()) {
      throw new SupergraphLoadFailure("No supergraph given: pass --supergraph <file or http(s) URL>");
    }
    if (!isUrl()) {
      return readFile();
    }
    return ((Poll.Changed) poll(Validators.NONE)).sdl();
  }

  /** The file's current stamp; empty for URLs and for files that cannot be looked at right now. */
  Optional<Stamp> stamp() {
    if (isUrl() || location.isEmpty()) {
      return Optional.empty();
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(Path.of(location), BasicFileAttributes.class);
      return Optional.of(new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size()));
    } catch (IOException | InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Fetches the URL, conditional on {@code seen}; anything but 200 or 304 fails with its status. */
  Poll poll(Validators seen) {
    HttpResponse<String> response = send(request(seen));
    if (response.statusCode() == 304 && seen != Validators.NONE) {
      return new Poll.Unchanged();
    }
    if (response.statusCode() != 200) {
      throw new SupergraphLoadFailure("Cannot fetch supergraph from " + location + ": HTTP " + response.statusCode());
    }
    var answered = response.headers();
    return new Poll.Changed(response.body(), new Validators(answered.firstValue("etag").orElse(null),
        answered.firstValue("last-modified").orElse(null)));
  }

  private HttpRequest request(Validators seen) {
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(location)).timeout(URL_TIMEOUT).GET();
      headers.forEach(request::header);
    } catch (IllegalArgumentException e) {
      throw new SupergraphLoadFailure("Invalid supergraph URL " + location + ": " + e.getMessage());
    }
    if (seen.etag() != null) {
      request.header("If-None-Match", seen.etag());
    }
    if (seen.lastModified() != null) {
      request.header("If-Modified-Since", seen.lastModified());
    }
    return request.build();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SupergraphLoadFailure("Cannot fetch supergraph from " + location + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SupergraphLoadFailure("Interrupted while fetching supergraph from " + location);
    }
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder().connectTimeout(URL_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL)
          .build();
    }
    return client;
  }

  private String readFile() {
    try {
      return Files.readString(Path.of(location));
    } catch (NoSuchFileException e) {
      throw new SupergraphLoadFailure("Supergraph file " + location + " does not exist");
    } catch (IOException | InvalidPathException e) {
      throw new SupergraphLoadFailure("Cannot read supergraph file " + location + ": " + e);
    }
  }
}
