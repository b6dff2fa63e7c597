package dev.shopfed.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port 0 in the settings means "any free port": asked of the OS here, then handed to the child. */
final class FreePorts {

  private FreePorts() {}

  static int resolve(int requested) {
    return requested == 0 ? pick() : requested;
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
