package org.jipv8.reactor.endpoint;

/**
 * A snapshot of the traffic of one message id in one community, as py-ipv8's {@code NetworkStat}.
 * Timestamps are epoch seconds; {@code 0} means "never".
 *
 * @param id the message id (byte 22 of the packet), 0..255
 * @param numUp datagrams sent
 * @param numDown datagrams received
 * @param bytesUp bytes sent
 * @param bytesDown bytes received
 * @param firstMeasuredUp time of the first send, or 0
 * @param firstMeasuredDown time of the first receipt, or 0
 * @param lastMeasuredUp time of the latest send, or 0
 * @param lastMeasuredDown time of the latest receipt, or 0
 */
public record MessageStat(
    int id,
    long numUp,
    long numDown,
    long bytesUp,
    long bytesDown,
    double firstMeasuredUp,
    double firstMeasuredDown,
    double lastMeasuredUp,
    double lastMeasuredDown) {

  @Override
  public String toString() {
    return "NetworkStat{num_up:"
        + numUp
        + ", num_down:"
        + numDown
        + ", bytes_up:"
        + bytesUp
        + ", bytes_down:"
        + bytesDown
        + ", first_measured_up:"
        + firstMeasuredUp
        + ", first_measured_down:"
        + firstMeasuredDown
        + ", last_measured_up:"
        + lastMeasuredUp
        + ", last_measured_down:"
        + lastMeasuredDown
        + "}";
  }
}
