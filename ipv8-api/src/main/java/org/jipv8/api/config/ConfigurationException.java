package org.jipv8.api.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A configuration that cannot be used: thrown by the records of this package, by {@link
 * ConfigBuilder}, by {@link ConfigurationValidator} and by the engine's file loader.
 *
 * <p>Each instance carries the {@link #path() path} of the offending entry in the key names of the
 * configuration file (for example {@code overlays[1].walkers[0].peers}), the {@link #problem()
 * problem} found there, and the {@link #fix() fix}: what is accepted instead. The message joins the
 * three, so it can be shown to a user as is.
 */
public class ConfigurationException extends RuntimeException {

  private final String path;
  private final String problem;
  private final String fix;
  private final List<ConfigurationException> problems;

  /**
   * Creates the exception.
   *
   * @param path the offending entry, {@code ""} for the configuration as a whole
   * @param problem what is wrong, for example {@code "port 70000 is out of range"}
   * @param fix what is accepted or how to fix it; may be empty
   */
  public ConfigurationException(String path, String problem, String fix) {
    this(path, problem, fix, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param cause the underlying error, or null
   */
  public ConfigurationException(String path, String problem, String fix, Throwable cause) {
    super(cause);
    this.path = Objects.requireNonNull(path, "path");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.fix = Objects.requireNonNull(fix, "fix");
    this.problems = List.of(this);
  }

  private ConfigurationException(List<ConfigurationException> all) {
    super(all.get(0).getCause());
    ConfigurationException first = all.get(0);
    this.path = first.path;
    this.problem = first.problem + " (and " + (all.size() - 1) + " more)";
    this.fix = first.fix;
    this.problems = List.copyOf(all);
  }

  /**
   * Every problem of a configuration in one exception: the only one when there is one, else an
   * exception whose {@link #path()} and {@link #fix()} are the first problem's and whose {@link
   * #problems()} lists them all; its message has one line per problem.
   *
   * @param all the problems, in the order they were found; not empty
   */
  public static ConfigurationException combine(List<ConfigurationException> all) {
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no problems to combine");
    }
    List<ConfigurationException> flat = new java.util.ArrayList<>();
    all.forEach(e -> flat.addAll(e.problems()));
    return flat.size() == 1 ? flat.get(0) : new ConfigurationException(flat);
  }

  /**
   * An unknown name: {@code found} is none of {@code accepted}. The fix lists the accepted names in
   * sorted order and suggests the closest one when it is a likely typo.
   *
   * @param what the kind of name, for example {@code "strategy"} or {@code "key"}
   */
  public static ConfigurationException notOneOf(
      String path, String what, String found, Collection<String> accepted) {
    TreeSet<String> sorted = new TreeSet<>(accepted);
    String list = sorted.isEmpty() ? "(none are available)" : String.join(", ", sorted);
    String suggestion = closest(found, sorted);
    return new ConfigurationException(
        path,
        "unknown " + what + " '" + found + "'",
        "accepted: " + list + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
  }

  /** The offending entry, for example {@code overlays[0].walkers[2].strategy}; "" for the root. */
  public String path() {
    return path;
  }

  /** What is wrong with the entry. */
  public String problem() {
    return problem;
  }

  /** What is accepted, or how to fix the entry; may be empty. */
  public String fix() {
    return fix;
  }

  /** Every problem this exception reports: itself, or all of a {@link #combine combined} one. */
  public List<ConfigurationException> problems() {
    return problems;
  }

  /**
   * The same error seen from a containing entry: {@code new ConfigurationException("port", ...)}
   * {@code .under("interfaces[0]")} has the path {@code interfaces[0].port}.
   */
  public ConfigurationException under(String parent) {
    if (problems.size() > 1) {
      return combine(problems.stream().map(p -> p.under(parent)).toList());
    }
    String joined;
    if (parent.isEmpty()) {
      joined = path;
    } else if (path.isEmpty()) {
      joined = parent;
    } else if (path.startsWith("[")) {
      joined = parent + path;
    } else {
      joined = parent + "." + path;
    }
    ConfigurationException moved = new ConfigurationException(joined, problem, fix, getCause());
    moved.setStackTrace(getStackTrace());
    return moved;
  }

  @Override
  public String getMessage() {
    if (problems.size() > 1) {
      StringBuilder sb =
          new StringBuilder("Invalid configuration: " + problems.size() + " problems");
      for (ConfigurationException p : problems) {
        sb.append(System.lineSeparator()).append("  ").append(p.line());
      }
      return sb.toString();
    }
    return "Invalid configuration " + line();
  }

  /** One problem as one line: {@code at <path>: <problem>; <fix>}. */
  public String line() {
    return "at "
        + (path.isEmpty() ? "<root>" : path)
        + ": "
        + problem
        + (fix.isEmpty() ? "" : "; " + fix);
  }

  /**
   * The accepted name closest to {@code found}, ignoring case: within edit distance 2, or starting
   * with {@code found} (at least 3 characters of it, as WARN for WARNING); null when none is close.
   * "Unique-best" is not required: on a tie the first in sorted order wins.
   */
  private static String closest(String found, Collection<String> accepted) {
    String wanted = found.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = 3;
    for (String candidate : accepted) {
      String lower = candidate.toLowerCase(Locale.ROOT);
      int d = distance(wanted, lower);
      if (wanted.length() >= 3 && lower.startsWith(wanted)) {
        d = Math.min(d, 2);
      }
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
