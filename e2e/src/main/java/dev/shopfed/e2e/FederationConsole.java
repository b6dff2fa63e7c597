package dev.shopfed.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The launcher with {@code --keep-going}: a service that dies is reported and the others keep running, and lines
 * typed on the launcher's input stop and start one service by hand, to try a partial outage.
 */
final class FederationConsole {

  static final String COMMANDS = "commands: stop <service>, start <service>, status, help"
      + " (services: commerce, promo, gateway); Ctrl-C stops all of them";

  private final LocalFederation federation;
  private final PrintStream out;

  FederationConsole(LocalFederation federation, PrintStream out) {
    this.federation = federation;
    this.out = out;
  }

  /** Reports exits and answers commands until the input ends; then serves on until Ctrl-C. */
  static void run(LocalFederation federation, InputStream in, PrintStream out) {
    FederationConsole console = new FederationConsole(federation, out);
    out.println("Keep going: a service that dies leaves the others running; " + COMMANDS + ".");
    federation.serviceNames().forEach(console::watch);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String answer = console.handle(line);
        if (!answer.isEmpty()) {
          out.println(answer);
        }
      }
    } catch (IOException e) {
      out.println("no more commands: " + e.getMessage());
    }
    awaitShutdown();
  }

  /** Tells when this run of the service exits, unless the whole federation is stopping. */
  void watch(String name) {
    federation.exitOf(name).thenAccept(line -> {
      if (!federation.isStopping()) {
        out.println(line + "; the others keep running (type \"start " + name + "\" to start it again)");
      }
    });
  }

  /** One typed line: what to print back (empty for a blank line). */
  String handle(String line) {
    String[] words = line.strip().split("\\s+");
    String command = words[0];
    if (command.isEmpty()) {
      return "";
    }
    if (command.equals("status")) {
      return status();
    }
    if (command.equals("help")) {
      return COMMANDS;
    }
    if (words.length != 2 || !(command.equals("stop") || command.equals("start"))) {
      return "unknown command \"" + line.strip() + "\"; " + COMMANDS;
    }
    try {
      return command.equals("stop") ? stop(words[1]) : start(words[1]);
    } catch (IllegalArgumentException | StartupException e) {
      return e.getMessage();
    }
  }

  private String stop(String name) {
    if (!federation.isRunning(name)) {
      return name + " is not running";
    }
    federation.stopService(name);
    return name + " stopped; the others keep running";
  }

  private String start(String name) {
    if (federation.isRunning(name)) {
      return name + " is already running";
    }
    out.println("starting " + name + " ...");
    federation.startService(name);
    watch(name);
    return name + " is up again";
  }

  private String status() {
    return federation.serviceNames().stream()
        .map(name -> name + ": " + (federation.isRunning(name) ? "running" : "stopped"))
        .collect(Collectors.joining(", "));
  }

  private static void awaitShutdown() {
    try {
      new CountDownLatch(1).await(); // the shutdown hook stops the services on Ctrl-C
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
