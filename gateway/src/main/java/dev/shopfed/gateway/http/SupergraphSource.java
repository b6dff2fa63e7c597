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
import java.util.Optional;

/** Where the supergraph SDL comes from: a file, which can be watched for changes, or an http(s) URL, read once. */
record SupergraphSource(String location) {

  private static final Duration URL_TIMEOUT = Duration.ofSeconds(30);

  /** What a file looked like when last read; a different stamp means it may have changed. */
  record Stamp(long modifiedMillis, long size) {}

  static SupergraphSource of(String location) {
    return new SupergraphSource(location == null ? "" : location.trim());
  }

  boolean isUrl() {
    return location.startsWith("http://") || location.startsWith("https://");
  }

  String read() {
    if (location.isEmpty()) {
      throw new SupergraphLoadFailure("No supergraph given: pass --supergraph <file or http(s) URL>");
    }
    return isUrl() ? readUrl() : readFile();
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

  private String readFile() {
    try {
      return Files.readString(Path.of(location));
    } catch (NoSuchFileException e) {
      throw new SupergraphLoadFailure("Supergraph file " + location + " does not exist");
    } catch (IOException | InvalidPathException e) {
      throw new SupergraphLoadFailure("Cannot read supergraph file " + location + ": " + e);
    }
  }

  private String readUrl() {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(location)).timeout(URL_TIMEOUT).GET().build();
    } catch (IllegalArgumentException e) {
      throw new SupergraphLoadFailure("Invalid supergraph URL " + location + ": " + e.getMessage());
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(URL_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SupergraphLoadFailure("Cannot fetch supergraph from " + location + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SupergraphLoadFailure("Interrupted while fetching supergraph from " + location);
    }
    if (response.statusCode() != 200) {
      throw new SupergraphLoadFailure("Cannot fetch supergraph from " + location + ": HTTP " + response.statusCode());
    }
    return response.body();
  }
}
