/**
 * The IPv8 service: {@link org.jipv8.reactor.service.Ipv8} turns a configuration into a running
 * node (endpoint, identities, overlays, strategy loop) and stops it again.
 */
@NullMarked
package org.jipv8.reactor.service;

import org.jspecify.annotations.NullMarked;
