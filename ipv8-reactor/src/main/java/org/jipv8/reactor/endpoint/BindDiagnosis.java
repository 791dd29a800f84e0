package org.jipv8.reactor.endpoint;

import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import org.jipv8.api.endpoint.BindFailedException;
import reactor.netty.ChannelBindException;

/**
 * Tells why a bind failed, from the exception the transport gave. Reactor Netty often reports a
 * bind error as a {@link ChannelBindException} without its cause; then "port taken" is inferred
 * from the host being an address of this machine, and "not one of this machine's addresses"
 * otherwise.
 */
final class BindDiagnosis {
  private BindDiagnosis() {}

  /** The kind of failure of a bind to {@code host}. */
  static BindFailedException.Cause classify(Throwable error, InetAddress host) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (m.contains("Address already in use") || m.contains("EADDRINUSE")) {
        return BindFailedException.Cause.PORT_IN_USE;
      }
      if (m.contains("Cannot assign requested address") || m.contains("EADDRNOTAVAIL")) {
        return BindFailedException.Cause.ADDRESS_NOT_AVAILABLE;
      }
      if (m.contains("Permission denied") || m.contains("EACCES")) {
        return BindFailedException.Cause.PERMISSION_DENIED;
      }
      if (t instanceof BindException) {
        return BindFailedException.Cause.PORT_IN_USE;
      }
      if (t instanceof ChannelBindException && t.getCause() == null) {
        return isLocal(host)
            ? BindFailedException.Cause.PORT_IN_USE
            : BindFailedException.Cause.ADDRESS_NOT_AVAILABLE;
      }
    }
    return BindFailedException.Cause.OTHER;
  }

  private static boolean isLocal(InetAddress ip) {
    if (ip.isAnyLocalAddress() || ip.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(ip) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
