package org.jipv8.api.endpoint;

import java.util.Map;
import org.jipv8.api.messaging.DropReason;

/**
 * Live counters of an endpoint. Values only grow (until the endpoint is discarded); reading them is
 * thread-safe and cheap.
 */
public interface EndpointStatistics {

  /** Datagrams handed to the socket. */
  long packetsSent();

  /** Bytes handed to the socket. */
  long bytesSent();

  /** Datagrams received from the socket. */
  long packetsReceived();

  /** Bytes received from the socket. */
  long bytesReceived();

  /** Drops counted at the endpoint level, by reason (only reasons with a non-zero count). */
  Map<DropReason, Long> drops();

  /** The count for one reason. */
  default long drops(DropReason reason) {
    return drops().getOrDefault(reason, 0L);
  }

  /**
   * Datagrams the operating system dropped for this endpoint's sockets before they could be read (a
   * full receive buffer under flood), where the system tells (Linux); 0 where it does not. Not part
   * of {@link #drops()}: those are the endpoint's own decisions.
   */
  default long kernelDrops() {
    return 0;
  }

  /**
   * How many times the endpoint stopped reading its socket because a receiver refused a datagram as
   * {@link DropReason#INBOX_FULL} (see {@link ReceiveAdmission#hasRoomFor}). While reading is
   * paused, arriving datagrams wait in the operating system's buffer, and what does not fit there
   * is counted by {@link #kernelDrops()}; 0 for endpoints that never pause.
   */
  default long readPauses() {
    return 0;
  }

  /** Sum of all drops. */
  default long totalDrops() {
    return drops().values().stream().mapToLong(Long::longValue).sum();
  }
}
