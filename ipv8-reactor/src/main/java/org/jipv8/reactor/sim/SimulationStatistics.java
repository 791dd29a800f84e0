package org.jipv8.reactor.sim;

/**
 * What the simulated network did with the datagrams it was given, summed over all endpoints. A
 * snapshot; {@link SimulatedNetwork#statistics()} takes a new one.
 *
 * @param sent datagrams accepted by {@code send()} of an open endpoint
 * @param delivered datagrams handed to a destination endpoint (duplicates included)
 * @param lost datagrams dropped by the loss model
 * @param duplicated extra copies created by the duplication model
 * @param reordered datagrams held back by the reordering model
 * @param natBlocked datagrams a NAT refused (no mapping, or filtered)
 * @param unreachable datagrams for an address with no endpoint, or whose endpoint was not open
 */
public record SimulationStatistics(
    long sent,
    long delivered,
    long lost,
    long duplicated,
    long reordered,
    long natBlocked,
    long unreachable) {}
