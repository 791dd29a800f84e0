/**
 * The payloads of py-ipv8's peer-discovery protocol, byte-compatible with py-ipv8 3.1. Each record
 * is one message; see ../shared/spec/wire-protocol.md section 5 for the layouts.
 */
@NullMarked
package org.jipv8.reactor.messaging.payload;

import org.jspecify.annotations.NullMarked;
