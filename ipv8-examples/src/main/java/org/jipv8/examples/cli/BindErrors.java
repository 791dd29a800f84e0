package org.jipv8.examples.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the endpoint's bind failure into advice for someone at a command line: the address, why it
 * failed, and the flag or configuration key to change (not the Java API the library's own message
 * names).
 */
final class BindErrors {
  private static final Pattern MESSAGE =
      Pattern.compile("Cannot bind UDP endpoint to (\\S+): (.*?)(?:\\. Fix:.*)?$", Pattern.DOTALL);

  private BindErrors() {}

  /**
   * The CLI message for a bind failure somewhere in {@code error}'s causes, or null when it is not
   * one.
   *
   * @param fix what to change, for example {@code "use --port with a free port (0: any)"}
   */
  static String describe(Throwable error, String fix) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      Matcher m = MESSAGE.matcher(message.strip());
      if (m.matches()) {
        String why = m.group(2).strip();
        if (why.endsWith(".")) {
          why = why.substring(0, why.length() - 1);
        }
        return "cannot bind " + m.group(1) + ": " + why + "; " + fix;
      }
      if (t.getClass().getSimpleName().contains("Bind")) {
        String first = message.strip().split("\\. Fix:", 2)[0];
        return "cannot bind: " + first + "; " + fix;
      }
    }
    return null;
  }

  /** The advice for a node whose configuration file bound the socket. */
  static String configFix(String file) {
    return "change interfaces[].port in "
        + file
        + " (0: any free port), or set interfaces[].jipv8_port_attempts to try the following ports";
  }
}
