package org.jipv8.examples.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.jipv8.api.address.Address;

/**
 * The sending side of one bench mode: one thread writing pre-built datagrams to the receiver on
 * 127.0.0.1 as fast as the socket takes them, or paced to {@code rate} per second. Plain blocking
 * {@link DatagramChannel}s, so the sender costs as little CPU per datagram as Java allows; the
 * {@code intro} mode uses several sockets so the receiver meets peers at several addresses and has
 * someone to introduce. Replies are never read (the kernel drops them on the sender's side).
 */
final class BenchSender implements BenchChild.Role {
  /** Sockets of the {@code intro} mode. */
  static final int INTRO_SOCKETS = 4;

  private final BenchMode mode;
  private final int port;
  private final long rate;
  private final List<DatagramChannel> channels = new ArrayList<>();
  private ByteBuffer[] datagrams;
  private volatile boolean stopping;
  private volatile long sent;
  private volatile long errors;
  private long markSent;
  private long markNanos;
  private Thread thread;

  BenchSender(BenchMode mode, int port, long rate) {
    this.mode = mode;
    this.port = port;
    this.rate = rate;
  }

  @Override
  public int prepare() throws IOException {
    InetSocketAddress receiver = new InetSocketAddress("127.0.0.1", port);
    int sockets = mode == BenchMode.INTRO ? INTRO_SOCKETS : 1;
    List<Address> sources = new ArrayList<>();
    for (int i = 0; i < sockets; i++) {
      DatagramChannel ch = DatagramChannel.open();
      ch.bind(new InetSocketAddress("127.0.0.1", 0));
      ch.connect(receiver);
      channels.add(ch);
      sources.add(Address.ipv4("127.0.0.1", ((InetSocketAddress) ch.getLocalAddress()).getPort()));
    }
    List<byte[]> pool = BenchPackets.pool(mode, sources, Address.ipv4("127.0.0.1", port));
    datagrams = new ByteBuffer[pool.size()];
    for (int i = 0; i < datagrams.length; i++) {
      byte[] p = pool.get(i);
      datagrams[i] = ByteBuffer.allocateDirect(p.length).put(p).flip();
    }
    return 0;
  }

  @Override
  public void start() {
    thread = new Thread(this::flood, "bench-sender");
    thread.setDaemon(true);
    thread.start();
  }

  private void flood() {
    DatagramChannel[] chs = channels.toArray(new DatagramChannel[0]);
    long start = System.nanoTime();
    long n = 0;
    long failed = 0;
    while (!stopping) {
      if (rate > 0 && n >= (System.nanoTime() - start) / 1e9 * rate) {
        LockSupport.parkNanos(20_000);
        continue;
      }
      int i = (int) (n % datagrams.length);
      ByteBuffer b = datagrams[i];
      b.rewind();
      try {
        chs[i % chs.length].write(b);
      } catch (IOException e) {
        // e.g. ECONNREFUSED from a previous ICMP error, or ENOBUFS: counted, not fatal.
        errors = ++failed;
      }
      sent = ++n;
    }
  }

  @Override
  public void mark() {
    markNanos = System.nanoTime();
    markSent = sent;
  }

  @Override
  public Map<String, Object> stop() throws InterruptedException {
    long count = sent - markSent;
    double window = (System.nanoTime() - markNanos) / 1e9;
    stopping = true;
    if (thread != null) {
      thread.join(5000);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sent", count);
    out.put("window_s", window);
    out.put("errors", errors);
    return out;
  }

  /** Closes the sockets (a child simply exits; the training child calls this). */
  void close() throws IOException {
    for (DatagramChannel ch : channels) {
      ch.close();
    }
  }
}
