package org.jipv8.examples.reactive;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Correlated;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

// tag::community[]
/**
 * A small replicated key-value store: {@link #put} stores a value and sends it to every peer;
 * {@link #get} asks one peer for a key and waits for its answer. Written only with {@code
 * messages}, {@code send} and {@code request}: no handlers, no request caches.
 */
public class KeyValueCommunity extends Community {
  /** Any 20 bytes name a community; these spell "jipv8 key value demo". */
  public static final CommunityId ID =
      CommunityId.fromHex("6a69707638206b65792076616c75652064656d6f");

  /** A value for every peer to store. */
  @Message(id = 1)
  public record Put(String key, String value) {}

  /** A question for one peer; the engine picks the identifier. */
  @Message(id = 2)
  public record Get(@Format("H") int identifier, String key) implements Correlated {}

  /** The answer to a {@link Get}, with the same identifier. */
  @Message(id = 3)
  public record Value(@Format("H") int identifier, String key, String value, boolean found)
      implements Correlated {}

  private final Map<String, String> store = new ConcurrentHashMap<>();

  public KeyValueCommunity(CommunitySettings settings) {
    super(ID, settings);
  }

  /** Once the node runs: store every Put, answer every Get. */
  @Override
  public Mono<Void> start() {
    return super.start()
        .then(
            Mono.fromRunnable(
                () -> {
                  messages(Put.class)
                      .subscribe(p -> store.put(p.payload().key(), p.payload().value()));
                  messages(Get.class)
                      .flatMap(get -> send(get.peer(), answer(get.payload())))
                      .subscribe();
                }));
  }

  private Value answer(Get get) {
    String value = store.get(get.key());
    return new Value(get.identifier(), get.key(), value == null ? "" : value, value != null);
  }

  /** Stores {@code value} here and sends it to every current peer; completes once all are sent. */
  public Mono<Void> put(String key, String value) {
    return Mono.fromRunnable(() -> store.put(key, value))
        .thenMany(Flux.fromIterable(getPeers()))
        .flatMap(peer -> send(peer, new Put(key, value)))
        .then();
  }

  /**
   * Asks {@code peer} for {@code key}: its value, or empty if it has none; a {@code
   * TimeoutException} when it does not answer within {@code timeout}.
   */
  public Mono<Optional<String>> get(Peer peer, String key, Duration timeout) {
    return request(peer, id -> new Get(id, key), Value.class, timeout)
        .map(v -> v.found() ? Optional.of(v.value()) : Optional.empty());
  }

  // end::community[]

  /** The value stored here for {@code key}, if any. */
  public Optional<String> local(String key) {
    return Optional.ofNullable(store.get(key));
  }
}
