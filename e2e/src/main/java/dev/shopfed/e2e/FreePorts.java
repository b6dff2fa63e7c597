package dev.shopfed.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port 0 in the settings means "any free port": asked of the OS here, then handed to the child. */
final class FreePorts {

  private FreePorts() {}

  /** A free port for 0; the requested port itself when nothing listens there yet. */
  static int resolve(String service, int requested) {
    if (requested == 0) {
      return pick();
    }
    if (!isFree(requested)) {
      throw new StartupException(service + ": port " + requested + " is already in use"
          + " (another ./run.sh still running?); pick another port or 0 for any free one");
    }
    return requested;
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int pick() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }
}
