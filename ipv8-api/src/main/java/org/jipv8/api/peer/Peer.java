package org.jipv8.api.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;

/**
 * Another node (or this node) in an IPv8 network: a public key plus what we know about how to reach
 * it.
 *
 * <p>Identity is the public key: two peers are equal when their serialised public keys are equal,
 * whatever their addresses. The hash is the first 8 bytes of the mid, as in py-ipv8.
 *
 * <p>Threading: a peer's addresses, ping samples and flags are changed only on the owning node's
 * protocol thread (no locks): once the node {@linkplain #confineTo confines} the peer, those
 * mutators assert it. Every collection a reader gets is an immutable snapshot, published whole, so
 * readers on any thread see a consistent, possibly stale value. The Lamport clock and the
 * last-response time are lock-free atomics and may be updated from any thread.
 */
public final class Peer {
  private static final int MAX_PINGS = 5;
  private static final AddressKind[] PREFERENCE = {
    AddressKind.UDPV6, AddressKind.UDPV4, AddressKind.UNTYPED
  };
  private static final AddressWatcher[] NO_WATCHERS = {};

  private final PublicKey publicKey;
  private final PrivateKey privateKey;
  private final byte[] keyBin;
  private final byte[] mid;
  private final LongSupplier clock;
  private final Address initialAddress;
  private final long creationTime;
  private final AtomicLong lamport = new AtomicLong();
  private volatile Map<AddressKind, Address> addresses = Map.of();
  private volatile List<Double> pings = List.of();
  private volatile ThreadConfinement confinement = ThreadConfinement.NONE;
  private volatile long lastResponse;
  private volatile boolean newStyleIntro;
  private volatile boolean addressFrozen;
  private volatile Address preferred;
  private volatile AddressWatcher[] watchers = NO_WATCHERS;

  /**
   * Told after a peer's addresses changed (the engine's peer table keeps its address index exact
   * this way). Called synchronously on the thread that made the change (the owning node's protocol
   * thread once the peer is confined); implementations must be quick, must not throw and must not
   * change the peer's addresses.
   */
  @FunctionalInterface
  public interface AddressWatcher {
    /** {@code peer}'s {@link #addresses()} map was replaced by one with different contents. */
    void addressesChanged(Peer peer);
  }

  /**
   * A remote peer.
   *
   * @param key its public key
   * @param address where it was seen, or null
   * @param intro true when the peer was learnt of through an introduction (last response 0)
   * @param clock milliseconds clock of the owning node (virtual in tests)
   */
  public Peer(PublicKey key, Address address, boolean intro, LongSupplier clock) {
    this(key, null, address, intro, clock);
  }

  /** A remote peer met directly, on the system clock. */
  public Peer(PublicKey key, Address address) {
    this(key, null, address, true, System::currentTimeMillis);
  }

  /** This node's own identity: holds the private key. */
  public static Peer own(PrivateKey key, LongSupplier clock) {
    return new Peer(key.publicKey(), key, null, true, clock);
  }

  private Peer(
      PublicKey key, PrivateKey privateKey, Address address, boolean intro, LongSupplier clock) {
    this.publicKey = Objects.requireNonNull(key, "key");
    this.privateKey = privateKey;
    this.keyBin = key.toBin();
    this.mid = key.mid();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.creationTime = clock.getAsLong();
    this.lastResponse = intro ? 0 : creationTime;
    this.initialAddress = address;
    if (address != null) {
      addresses = Collections.unmodifiableMap(new EnumMap<>(Map.of(address.kind(), address)));
    }
    recomputePreferred();
  }

  /** The public key. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The private key when this is one of our own identities, else null. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The serialised public key (a copy). */
  public byte[] publicKeyBin() {
    return keyBin.clone();
  }

  /** The member id, SHA-1 of the public key (a copy). */
  public byte[] mid() {
    return mid.clone();
  }

  /**
   * The preferred address: IPv6, then IPv4, then untyped; else the construction address; else
   * {@link Address#NULL}. LAN hints are never preferred.
   */
  public Address address() {
    return preferred;
  }

  /**
   * Binds the peer's mutators to the owning node's protocol thread (the node's peer bookkeeping
   * does this for the peers it stores). Any thread.
   */
  public void confineTo(ThreadConfinement owner) {
    this.confinement = Objects.requireNonNull(owner, "owner");
  }

  /** All known addresses by kind, in {@link AddressKind} order (an immutable snapshot). */
  public Map<AddressKind, Address> addresses() {
    return addresses;
  }

  /** The LAN hint the peer gave, or null. */
  public Address lanAddress() {
    return addresses.get(AddressKind.UDPV4_LAN);
  }

  /** Records an address in the slot of its kind, unless the address is frozen. */
  public void addAddress(Address address) {
    if (!addressFrozen) {
      putAddress(address);
    }
  }

  /**
   * Records an address even if frozen (the network merges known peers this way). Recording the
   * address its slot already holds changes nothing and costs nothing (no copy, no watcher call):
   * the receive path records the source of every datagram this way.
   */
  public void putAddress(Address address) {
    assert confinement.check("Peer.putAddress");
    Objects.requireNonNull(address, "address");
    Map<AddressKind, Address> now = addresses;
    // The slot of a kind only holds addresses of that kind, and equal addresses of one kind are
    // indistinguishable (same host, port and kind): nothing would change.
    if (address.equals(now.get(address.kind()))) {
      return;
    }
    Map<AddressKind, Address> next = new EnumMap<>(AddressKind.class);
    next.putAll(now);
    next.put(address.kind(), address);
    addresses = Collections.unmodifiableMap(next);
    recomputePreferred();
    for (AddressWatcher w : watchers) {
      w.addressesChanged(this);
    }
  }

  /**
   * Adds a watcher of address changes (a second add of the same object is ignored). Protocol thread
   * once confined.
   */
  public void watchAddresses(AddressWatcher watcher) {
    assert confinement.check("Peer.watchAddresses");
    Objects.requireNonNull(watcher, "watcher");
    AddressWatcher[] now = watchers;
    for (AddressWatcher w : now) {
      if (w == watcher) {
        return;
      }
    }
    AddressWatcher[] next = Arrays.copyOf(now, now.length + 1);
    next[now.length] = watcher;
    watchers = next;
  }

  /**
   * Removes a watcher of address changes (absent ones are ignored). Protocol thread once confined.
   */
  public void unwatchAddresses(AddressWatcher watcher) {
    assert confinement.check("Peer.unwatchAddresses");
    AddressWatcher[] now = watchers;
    for (int i = 0; i < now.length; i++) {
      if (now[i] == watcher) {
        AddressWatcher[] next = new AddressWatcher[now.length - 1];
        System.arraycopy(now, 0, next, 0, i);
        System.arraycopy(now, i + 1, next, i, now.length - i - 1);
        watchers = next;
        return;
      }
    }
  }

  /** Stops {@link #addAddress} from changing the addresses. */
  public void freezeAddress(boolean frozen) {
    assert confinement.check("Peer.freezeAddress");
    this.addressFrozen = frozen;
  }

  /** Whether addresses are frozen. */
  public boolean isAddressFrozen() {
    return addressFrozen;
  }

  private void recomputePreferred() {
    Map<AddressKind, Address> now = addresses;
    for (AddressKind k : PREFERENCE) {
      Address a = now.get(k);
      if (a != null) {
        preferred = a;
        return;
      }
    }
    preferred = initialAddress != null ? initialAddress : Address.NULL;
  }

  /** Milliseconds timestamp of creation. */
  public long creationTime() {
    return creationTime;
  }

  /** Milliseconds timestamp of the last datagram from this peer, or 0 if none counted yet. */
  public long lastResponse() {
    return lastResponse;
  }

  /** Sets the last-response time to now. */
  public void touch() {
    this.lastResponse = clock.getAsLong();
  }

  /** Sets the last-response time (tests and churn). */
  public void setLastResponse(long millis) {
    this.lastResponse = millis;
  }

  /** The Lamport clock (global time). */
  public long lamportTimestamp() {
    return lamport.get();
  }

  /** Raises the clock to {@code max(current, time)} and marks the peer as just heard from. */
  public void updateClock(long time) {
    lamport.accumulateAndGet(time, (cur, t) -> Long.compareUnsigned(t, cur) > 0 ? t : cur);
    touch();
  }

  /** Increments the clock and returns the new value (py-ipv8's {@code claim_global_time}). */
  public long claimGlobalTime() {
    long v = lamport.incrementAndGet();
    touch();
    return v;
  }

  /** Whether the peer speaks new-style (IPv6-capable) introduction messages. */
  public boolean newStyleIntro() {
    return newStyleIntro;
  }

  /** Marks the peer as new-style capable or not. */
  public void setNewStyleIntro(boolean on) {
    assert confinement.check("Peer.setNewStyleIntro");
    this.newStyleIntro = on;
  }

  /** Adds a round-trip sample in seconds; only the 5 most recent are kept. */
  public void addPing(double seconds) {
    assert confinement.check("Peer.addPing");
    List<Double> now = pings;
    List<Double> next = new ArrayList<>(MAX_PINGS);
    next.addAll(now.size() == MAX_PINGS ? now.subList(1, MAX_PINGS) : now);
    next.add(seconds);
    pings = List.copyOf(next);
  }

  /** The round-trip samples, oldest first (an immutable snapshot). */
  public List<Double> pings() {
    return pings;
  }

  /** Whether 5 samples are held. */
  public boolean pingsFull() {
    return pings.size() == MAX_PINGS;
  }

  /** Median round trip in seconds, or null without samples. */
  public Double medianPing() {
    List<Double> now = pings;
    if (now.isEmpty()) {
      return null;
    }
    double[] s = now.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
  }

  /** Mean round trip in seconds, or null without samples. */
  public Double averagePing() {
    List<Double> now = pings;
    if (now.isEmpty()) {
      return null;
    }
    return now.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Peer other && Arrays.equals(keyBin, other.keyBin);
  }

  @Override
  public int hashCode() {
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (mid[i] & 0xff);
    }
    return Long.hashCode(h);
  }

  @Override
  public String toString() {
    Address a = address();
    return "Peer<"
        + a.host()
        + ":"
        + a.port()
        + ", "
        + Base64.getEncoder().encodeToString(mid)
        + ">";
  }
}
