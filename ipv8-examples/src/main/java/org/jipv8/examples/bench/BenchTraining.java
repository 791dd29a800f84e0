package org.jipv8.examples.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the class-data-sharing training child does ({@link CdsArchive}): every mode's receiver and
 * sender in this one JVM, each for a short while, so that the classes every bench child needs are
 * loaded when the JVM exits and writes its archive. Nothing it measures is reported.
 */
final class BenchTraining {
  private BenchTraining() {}

  /** Runs every mode for {@code seconds}; returns how many datagrams each handled. */
  static Map<String, Object> run(double seconds) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    for (BenchMode mode : BenchMode.values()) {
      BenchReceiver rx = new BenchReceiver(mode);
      int port = rx.prepare();
      BenchSender tx = new BenchSender(mode, port, 0);
      tx.prepare();
      rx.start();
      tx.start();
      rx.mark();
      tx.mark();
      Thread.sleep(Math.round(seconds * 1000));
      tx.stop();
      out.put(mode.key(), rx.stop().get("handled"));
      tx.close();
      rx.close();
    }
    return out;
  }
}
