package dev.shopfed.schema.composition.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a running subgraph's SDL through the federation {@code _service { sdl }} query. */
public final class ServiceSdl {

    private static final String QUERY = "{\"query\":\"{ _service { sdl } }\"}";

    private ServiceSdl() {
    }

    public static String fetch(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QUERY))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered HTTP " + response.statusCode() + " to _service { sdl }");
        }
        return sdlOf(response.body());
    }

    /** The {@code data._service.sdl} string of a GraphQL JSON response. */
    static String sdlOf(String json) throws IOException {
        int key = json.indexOf("\"sdl\"");
        if (key < 0) {
            throw new IOException("No _service.sdl in response: " + json);
        }
        int start = json.indexOf('"', json.indexOf(':', key) + 1);
        StringBuilder sdl = new StringBuilder();
        for (int i = start + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return sdl.toString();
            }
            if (c != '\\') {
                sdl.append(c);
                continue;
            }
            char escaped = json.charAt(++i);
            switch (escaped) {
                case 'n' -> sdl.append('\n');
                case 't' -> sdl.append('\t');
                case 'r' -> sdl.append('\r');
                case 'b' -> sdl.append('\b');
                case 'f' -> sdl.append('\f');
                case 'u' -> {
                    sdl.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sdl.append(escaped);
            }
        }
        throw new IOException("Unterminated sdl string in response");
    }
}
