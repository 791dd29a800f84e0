package org.jipv8.reactor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jipv8.api.config.ConfigBuilder;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.keys.KeyType;
import org.jipv8.reactor.testing.InteropCommunity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * Library threads never keep a JVM alive and a failed build or start releases what it made (real
 * loopback sockets where the socket's release is what is tested).
 */
@Timeout(120)
class Ipv8ReleaseTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static List<Thread> nonDaemonNodeThreads() {
    List<Thread> out = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && !t.isDaemon() && t.getName().startsWith("ipv8")) {
        out.add(t);
      }
    }
    return out;
  }

  private static Ipv8Configuration withKeyFile(Path keyFile, String overlayClass) {
    return ConfigBuilder.clean()
        .setAddress("127.0.0.1")
        .setPort(0)
        .setLogLevel("WARNING")
        .setWorkingDirectory(".")
        .setWalkerInterval(0.5)
        .addKey("me", KeyType.CURVE25519, keyFile.toString())
        .addOverlay(overlayClass, "me", List.of(), List.of(), Map.of(), List.of())
        .finalizeConfig();
  }

  @Test
  void aFailedBuildWritesNoKeyFileAndLeavesNoNodeThread(@TempDir Path dir) {
    Path keyFile = dir.resolve("ec_multichain.pem");
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                Ipv8.builder()
                    .configuration(withKeyFile(keyFile, "NoSuchCommunity"))
                    .overlay(InteropCommunity.class, InteropCommunity::new)
                    .loopbackOnly(true)
                    .build());
    assertEquals("overlays[0].class", e.path());
    assertFalse(Files.exists(keyFile), "no key file before the configuration is valid");
    assertEquals(List.of(), nonDaemonNodeThreads());
  }

  @Test
  void aBuiltNodeWritesItsNewKeyFile(@TempDir Path dir) {
    Path keyFile = dir.resolve("key.pem");
    Ipv8 node =
        Ipv8.builder()
            .configuration(withKeyFile(keyFile, "InteropCommunity"))
            .overlay(InteropCommunity.class, InteropCommunity::new)
            .loopbackOnly(true)
            .build();
    try {
      assertTrue(Files.exists(keyFile));
    } finally {
      node.stopNow(WAIT);
    }
  }

  @Test
  void theDefaultConfigurationFailsWithoutWritingItsKeyFile() {
    Path keyFile = Path.of("ec_multichain.pem");
    boolean before = Files.exists(keyFile);
    assertThrows(
        ConfigurationException.class,
        () -> Ipv8.builder().configuration(Ipv8Configuration.defaults()).build());
    assertEquals(before, Files.exists(keyFile), "the default key file was not written");
  }

  private static boolean runsOnADaemon(reactor.core.scheduler.Scheduler scheduler) {
    return Boolean.TRUE.equals(
        Mono.fromCallable(() -> Thread.currentThread().isDaemon())
            .subscribeOn(scheduler)
            .block(WAIT));
  }

  @Test
  void theThreadsOfANodeAreDaemons() {
    Ipv8 node =
        Ipv8.builder()
            .loopback()
            .overlay(OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new))
            .build();
    try {
      // Probed before anything else runs on them: the first task creates the thread.
      assertTrue(runsOnADaemon(node.protocolScheduler()), "protocol thread");
      node.startNow(WAIT);
      assertTrue(runsOnADaemon(node.protocolScheduler()), "protocol thread, running");
      assertEquals(List.of(), nonDaemonNodeThreads());
    } finally {
      node.stopNow(WAIT);
    }
    assertTrue(node.protocolScheduler().isDisposed(), "stop ends the node's threads");
  }

  @Test
  void aStartOnATakenPortFailsAndReleasesTheThreads() {
    Ipv8 first =
        Ipv8.builder()
            .loopback()
            .overlay(OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new))
            .startNow(WAIT);
    try {
      int port = first.endpoint().localAddress().port();
      Ipv8 second =
          Ipv8.builder()
              .configuration(Loopback.configurationBuilder(port).finalizeConfig())
              .loopbackOnly(true)
              .overlay(OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new))
              .build();
      assertThrows(RuntimeException.class, () -> second.startNow(WAIT));
      assertFalse(second.isRunning());
      assertTrue(second.protocolScheduler().isDisposed(), "the failed node's threads ended");
      assertFalse(second.endpoint().isOpen());
    } finally {
      first.stopNow(WAIT);
    }
  }

  @Test
  void aFailingStartActionReleasesTheSocket() {
    Ipv8 node =
        Ipv8.builder()
            .loopback()
            .overlay(
                OverlayDefinition.of(InteropCommunity.class, InteropCommunity::new)
                    .onStart(
                        c -> {
                          throw new IllegalStateException("refused by the test");
                        }))
            .build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> node.startNow(WAIT));
    assertEquals("refused by the test", e.getMessage());
    assertFalse(node.endpoint().isOpen(), "the socket is released");
    assertTrue(node.protocolScheduler().isDisposed());
  }

  @Test
  void aStartSubscribedOnANonBlockingThreadBuildsElsewhere() {
    String[] buildThread = new String[1];
    Ipv8 node =
        Mono.defer(
                () ->
                    Ipv8.builder()
                        .loopback()
                        .overlay(
                            OverlayDefinition.of(
                                InteropCommunity.class,
                                s -> {
                                  buildThread[0] = Thread.currentThread().getName();
                                  return new InteropCommunity(s);
                                }))
                        .start())
            .subscribeOn(reactor.core.scheduler.Schedulers.parallel())
            .block(WAIT);
    try {
      assertTrue(buildThread[0].startsWith("boundedElastic"), buildThread[0]);
    } finally {
      node.stopNow(WAIT);
    }
  }

  @Test
  void aLocalTrackerRunsOnADaemonThreadAndReleasesItsPort() {
    LocalTracker tracker = LocalTracker.startNow(WAIT);
    int port = tracker.address().port();
    try {
      assertEquals(Loopback.HOST, tracker.address().host());
      assertEquals(List.of(), nonDaemonNodeThreads());
      assertEquals(List.of(tracker.address()), tracker.bootstrapper().blacklist());
    } finally {
      tracker.close();
    }
    // The port is free again: a second tracker binds it.
    Mono<LocalTracker> again = LocalTracker.start(port);
    LocalTracker second = again.block(WAIT);
    second.close();
  }

  @Test
  void aProgramThatNeverStopsItsNodeStillExits() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Djipv8.loopbackOnly=true",
                "-cp",
                System.getProperty("java.class.path"),
                ExitingMain.class.getName())
            .redirectErrorStream(true)
            .start();
    boolean exited = p.waitFor(60, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!exited) {
      p.destroyForcibly();
    }
    assertTrue(exited, "the JVM exits by itself; output:\n" + output);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("build failed as expected: overlays["), output);
    assertTrue(output.contains("main returns"), output);
  }
}
