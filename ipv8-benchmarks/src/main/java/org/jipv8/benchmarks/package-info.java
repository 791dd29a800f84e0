/**
 * JMH benchmarks of jipv8, run from the shaded jar (not part of the test run):
 *
 * <pre>
 * mvn -B -pl ipv8-benchmarks -am package -DskipTests
 * java -jar ipv8-benchmarks/target/benchmarks.jar            # everything
 * java -jar ipv8-benchmarks/target/benchmarks.jar Receive    # one class, by name
 * </pre>
 *
 * {@link org.jipv8.benchmarks.ReceivePathBenchmark} feeds pre-built datagrams to a community
 * without a socket, with one and two verification threads; {@link
 * org.jipv8.benchmarks.CodecBenchmark} and {@link org.jipv8.benchmarks.CryptoBenchmark} measure
 * packet encoding and decoding, Ed25519 signing and verification, and key parsing.
 */
@NullMarked
package org.jipv8.benchmarks;

import org.jspecify.annotations.NullMarked;
