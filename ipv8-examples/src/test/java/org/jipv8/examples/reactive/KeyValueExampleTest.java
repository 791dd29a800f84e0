package org.jipv8.examples.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example program over real loopback sockets (what a user runs). */
@Timeout(90)
class KeyValueExampleTest {

  @Test
  void theSecondNodeGetsTheFirstNodesGreeting() {
    assertEquals(Optional.of("hello"), KeyValueExample.run());
  }
}
