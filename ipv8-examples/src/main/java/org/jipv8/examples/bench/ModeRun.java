package org.jipv8.examples.bench;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one mode in one run.
 *
 * @param offeredPerSecond datagrams per second the sender wrote in the measured window
 * @param handledPerSecond datagrams per second the receiver handled in the measured window
 * @param drops the receiver's drops in the window, by reason ({@code KERNEL}: the socket's buffer)
 * @param cpuSender CPU seconds of the sender process in the window
 * @param cpuReceiver CPU seconds of the receiver process in the window
 * @param perSecond handled per whole second from the start of traffic (warm-up included)
 * @param windowSeconds the length of the measured window
 * @param cpuPerSecond the receiver process's CPU seconds in each second of {@code perSecond}
 */
record ModeRun(
    double offeredPerSecond,
    double handledPerSecond,
    Map<String, Long> drops,
    double cpuSender,
    double cpuReceiver,
    List<Long> perSecond,
    double windowSeconds,
    List<Double> cpuPerSecond) {
  ModeRun {
    drops = Map.copyOf(drops);
    perSecond = List.copyOf(perSecond);
    cpuPerSecond = List.copyOf(cpuPerSecond);
  }
}
