package org.jipv8.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.OverlayConfig;
import org.jipv8.reactor.config.ConfigurationCheck;
import org.jipv8.reactor.config.ConfigurationLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ipv8 config}: print the default configuration, or check a file. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the default configuration, or checks a configuration file.",
      "With --defaults it prints py-ipv8's default configuration (without the overlays jipv8"
          + " does not implement) as JSON or YAML, ready to edit. With --check FILE it reads the"
          + " file as 'ipv8 node' would, prints every problem at once and the keys that took their"
          + " defaults, and exits with 0 when the file is valid and 2 when it is not."
    })
final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LogOptions log = new LogOptions();

  static final class Action {
    @Option(names = "--defaults", required = true, description = "Print the default configuration.")
    boolean defaults;

    @Option(
        names = "--check",
        required = true,
        paramLabel = "FILE",
        description = "Check FILE (.json, .yaml or .yml) and print what was found.")
    Path check;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Action action;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = "json or yaml, for --defaults (default ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (action.defaults) {
      String f = format.toLowerCase(Locale.ROOT);
      if (!f.equals("json") && !f.equals("yaml")) {
        throw new IllegalArgumentException("--format must be json or yaml, got " + format);
      }
      Ipv8Configuration cfg = runnableDefaults(spec.commandLine().getErr());
      out.print(
          f.equals("json") ? ConfigurationLoader.toJson(cfg) : ConfigurationLoader.toYaml(cfg));
      out.flush();
      return 0;
    }
    ConfigurationCheck check = ConfigurationLoader.check(action.check, CliOverlays.registry());
    for (ConfigurationException p : check.problems()) {
      out.println(action.check + ": " + p.line());
    }
    if (!check.defaulted().isEmpty()) {
      out.println("defaulted (missing keys and the values they took):");
      check.defaulted().forEach(d -> out.println("  " + d));
    }
    int problems = check.problems().size();
    out.println(
        action.check
            + (problems == 0
                ? ": OK"
                : ": " + problems + (problems == 1 ? " problem" : " problems")));
    out.flush();
    return problems == 0 ? 0 : 2;
  }

  /** py-ipv8's defaults with only the overlays this command line can run. */
  static Ipv8Configuration runnableDefaults(PrintWriter notes) {
    Ipv8Configuration defaults = Ipv8Configuration.defaults();
    ConfigBuilder b = ConfigBuilder.from(defaults).clearOverlays();
    List<String> known = CliOverlays.NAMES;
    for (OverlayConfig o : defaults.overlays()) {
      if (known.contains(o.className())) {
        b.addOverlay(
            o.className(), o.key(), o.walkers(), o.bootstrappers(), o.initialize(), o.onStart());
      } else {
        notes.println(
            "note: left out overlay " + o.className() + " of py-ipv8's defaults (not in jipv8)");
      }
    }
    notes.flush();
    return b.finalizeConfig();
  }
}
