/**
 * Configuration files: {@link org.jipv8.reactor.config.ConfigurationLoader} reads and writes {@link
 * org.jipv8.api.config.Ipv8Configuration} as JSON or YAML with py-ipv8's key names, and rejects
 * anything it does not understand with a {@link org.jipv8.api.config.ConfigurationException} naming
 * the path of the entry and what is accepted.
 *
 * <p>Nullness: non-null unless documented. Threading: stateless and thread-safe.
 */
@NullMarked
package org.jipv8.reactor.config;

import org.jspecify.annotations.NullMarked;
