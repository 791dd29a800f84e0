package org.jipv8.api.config;

import java.util.Objects;

/**
 * One keyword argument of a built-in strategy or bootstrapper ({@code init}), or one setting of an
 * overlay ({@code initialize}), with py-ipv8's name and default.
 *
 * @param name the argument name, for example {@code timeout}
 * @param defaultValue the value (as JSON) used when the argument is left out
 * @param meaning what it does, in a few words of Markdown
 */
public record ConfigArgument(String name, String defaultValue, String meaning) {
  public ConfigArgument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(meaning, "meaning");
  }
}
