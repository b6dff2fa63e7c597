package dev.shopfed.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to launch one service as {@code java -jar} and how to tell it is up.
 *
 * @param name       shown in messages and used for the log file name
 * @param jar        the executable jar
 * @param port       the port it will listen on (already resolved, never 0)
 * @param healthPath answers 200 once the service can take requests
 * @param args       program arguments after the jar
 * @param jvmArgs    JVM options before {@code -jar}
 */
public record ServiceSpec(String name, Path jar, int port, String healthPath, List<String> args, List<String> jvmArgs) {

  public ServiceSpec {
    args = List.copyOf(args);
    jvmArgs = List.copyOf(jvmArgs);
  }

  public URI baseUrl() {
    // 127.0.0.1 rather than localhost: a child bound to IPv4 only must not be probed over ::1.
    return URI.create("http://127.0.0.1:" + port);
  }

  public URI healthUrl() {
    return baseUrl().resolve(healthPath);
  }

  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return command;
  }
}
