package org.jipv8.examples.cli;

import org.jipv8.api.endpoint.BindFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Turns the endpoint's {@link BindFailedException} into advice for someone at a command line: the
 * address, why it failed, and the flag or configuration key to change (not the Java API).
 */
final class BindErrors {
  private BindErrors() {}

  /** Where the address and port came from, so the advice names it. */
  interface Source {
    /** The advice for a port that is taken, or not permitted. */
    String port();

    /** The advice for an address that is not this machine's. */
    String address();
  }

  /** A command's flags: {@code --port} and {@code --host}. */
  static final Source FLAGS =
      new Source() {
        @Override
        public String port() {
          return "choose a free port with --port (0: any free port)";
        }

        @Override
        public String address() {
          return "give --host an address of this machine, such as 127.0.0.1 or 0.0.0.0";
        }
      };

  /** A configuration file's {@code interfaces} entries. */
  static Source configuration(String file) {
    return new Source() {
      @Override
      public String port() {
        return "change interfaces[].port in "
            + file
            + " (0: any free port), or set interfaces[].jipv8_port_attempts to try the following"
            + " ports";
      }

      @Override
      public String address() {
        return "change interfaces[].ip in "
            + file
            + " to an address of this machine (127.0.0.1, ::1, 0.0.0.0 or ::)";
      }
    };
  }

  /** The one-line message for a bind failure among {@code error}'s causes, or null if none. */
  static @Nullable String describe(Throwable error, Source source) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindFailedException b) {
        String fix =
            switch (b.kind()) {
              case PORT_IN_USE, PERMISSION_DENIED -> source.port();
              case ADDRESS_NOT_AVAILABLE -> source.address();
              case OTHER -> source.port() + "; or " + source.address();
            };
        String message = b.getMessage() == null ? "" : b.getMessage();
        String facts = message.startsWith("Cannot bind") ? "c" + message.substring(1) : message;
        return facts + "; " + fix;
      }
    }
    return null;
  }
}
