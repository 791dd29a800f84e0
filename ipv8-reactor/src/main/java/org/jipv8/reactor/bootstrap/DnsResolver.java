package org.jipv8.reactor.bootstrap;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.jipv8.api.address.Address;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves a bootstrap server's host name to IPv4 addresses. Injectable so that tests never look up
 * the public servers.
 */
@FunctionalInterface
public interface DnsResolver {

  /** IPv4 addresses of {@code host}, each with {@code port}; errors end the Mono. */
  Mono<List<Address>> resolve(String host, int port);

  /** The JDK resolver, run on the bounded-elastic pool because it blocks. */
  static DnsResolver system() {
    return (host, port) ->
        Mono.fromCallable(
                () ->
                    Arrays.stream(InetAddress.getAllByName(host))
                        .filter(a -> a instanceof Inet4Address)
                        .map(a -> Address.ipv4(a.getHostAddress(), port))
                        .toList())
            .subscribeOn(Schedulers.boundedElastic());
  }
}
