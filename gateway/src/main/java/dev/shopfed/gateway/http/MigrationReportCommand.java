package dev.shopfed.gateway.http;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar gateway.jar migration-report [--url http://localhost:4000] [--json]}: asks a running gateway for
 * its migration report ({@code GET /migration}) and prints it as a table, or as the JSON itself.
 */
final class MigrationReportCommand {

  static final String NAME = "migration-report";
  static final String USAGE = "usage: java -jar gateway.jar migration-report [--url <gateway base URL>] [--json]";

  private MigrationReportCommand() {}

  /** The exit code: 0 printed, 1 no answer, 2 bad arguments. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    URI base = URI.create("http://localhost:4000");
    boolean json = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--json" -> json = true;
        case "--url" -> {
          if (i + 1 >= args.length) {
            err.println(USAGE);
            return 2;
          }
          base = URI.create(args[++i]);
        }
        default -> {
          err.println(USAGE);
          return 2;
        }
      }
    }
    String body;
    try {
      body = fetch(base.resolve("/migration"));
    } catch (IOException | InterruptedException e) {
      err.println("No migration report from " + base + ": " + e.getMessage());
      return 1;
    }
    out.print(json ? body + "\n" : table(JsonMapper.builder().build().readTree(body)));
    return 0;
  }

  private static String fetch(URI url) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** The fields in progressive override, one line each, then the summary. */
  static String table(JsonNode report) {
    StringBuilder out = new StringBuilder(String.format("%-28s %-22s %-28s %8s %18s %14s%n", "FIELD", "FROM → TO",
        "LABEL", "ON FOR", "SERVED (NEW/OLD)", "MISMATCHES"));
    for (JsonNode field : report.path("fields")) {
      JsonNode o = field.path("override");
      if (o.isMissingNode() || o.isNull()) {
        continue;
      }
      String from = o.path("from").asString();
      String to = o.path("to").asString();
      out.append(String.format("%-28s %-22s %-28s %7.1f%% %18s %14s%n", field.path("field").asString(),
          from + " → " + to, o.path("label").asString(), o.path("percent").asDouble(),
          o.path("traffic").path(to).asLong(0) + "/" + o.path("traffic").path(from).asLong(0),
          o.path("mismatched").asLong() + "/" + o.path("compared").asLong()));
    }
    JsonNode s = report.path("summary");
    out.append(String.format("%n%s %% migrated by fields (%d of %d overridden fields at 100 %%), %s %% by traffic "
        + "(%d of %d requests served by the new owner); %d fields in the API%n",
        s.path("migratedByFieldsPercent").asDouble(), s.path("migrated").asInt(), s.path("overridden").asInt(),
        s.path("migratedByTrafficPercent").asDouble(), s.path("requestsToNewOwner").asLong(),
        s.path("requests").asLong(), s.path("fields").asInt()));
    return out.toString();
  }
}
