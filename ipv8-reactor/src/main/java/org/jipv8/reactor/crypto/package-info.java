/**
 * Keys and signatures with Bouncy Castle's lightweight API: curve25519 (X25519 + Ed25519, the
 * default identity) and the older EC keys on binary curves (ECDSA-SHA1, r||s with field-sized
 * halves). Everything here is immutable and thread-safe; Ed25519 points are decoded once per key so
 * verification on the hot path is signature arithmetic only.
 */
@NullMarked
package org.jipv8.reactor.crypto;

import org.jspecify.annotations.NullMarked;
