/**
 * IPv8 configuration as immutable values: the schema and key names of py-ipv8's configuration
 * dictionary ({@code interfaces}, {@code keys}, {@code logger}, {@code working_directory}, {@code
 * walker_interval}, {@code overlays}), a {@link org.jipv8.api.config.ConfigBuilder} that mirrors
 * py-ipv8's {@code ConfigBuilder}, and the checks that make a bad configuration fail fast with a
 * {@link org.jipv8.api.config.ConfigurationException} naming the offending entry.
 *
 * <p>Every record here validates itself on construction, so an instance that exists is
 * self-consistent. What a record cannot know (which overlay, strategy and bootstrapper names the
 * engine offers) is checked by {@link
 * org.jipv8.api.config.ConfigurationValidator#validateNames(Ipv8Configuration, NameRegistry)}.
 * Reading and writing JSON or YAML files lives in the engine ({@code
 * org.jipv8.reactor.config.ConfigurationLoader}); this package depends on no parser.
 *
 * <p>Nullness: non-null unless documented. Threading: records are immutable and thread-safe; the
 * builder is not thread-safe.
 */
@NullMarked
package org.jipv8.api.config;

import org.jspecify.annotations.NullMarked;
