package org.jipv8.reactor.endpoint;

/**
 * Totals over all message ids of one community (py-ipv8's {@code get_aggregate_statistics}).
 *
 * @param numUp datagrams sent
 * @param numDown datagrams received
 * @param bytesUp bytes sent
 * @param bytesDown bytes received
 * @param diffTime seconds between the earliest positive first-measured timestamp and the latest
 *     last-measured timestamp, or 0 when nothing was measured
 */
public record AggregateMessageStat(
    long numUp, long numDown, long bytesUp, long bytesDown, double diffTime) {

  /** All zero: what an unknown community aggregates to. */
  public static final AggregateMessageStat EMPTY = new AggregateMessageStat(0, 0, 0, 0, 0);
}
