package org.jipv8.reactor.community;

/** A message ready to be sent with its global-time field. */
record Outgoing(Record payload, long globalTime) {}
