import java.util.Locale;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;
import org.jipv8.reactor.crypto.Keys;

/**
 * How fast a fresh JVM verifies Ed25519 signatures (Bouncy Castle, through the engine's key
 * classes) slice by slice from its first verification: the JIT's part of the bench's warm-up.
 * Run by scripts/verify-warmup.sh; prints one line per slice: verifications per wall second, per
 * CPU second of the verifying thread (the interpreter and C1 code against C2's), and the CPU of
 * the whole process over the thread's (above 1: the JIT compilers and GC took the rest).
 */
public final class VerifyWarmup {
  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 8;
    double slice = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
    PrivateKey key = Keys.generate(KeyType.CURVE25519);
    PublicKey pub = key.publicKey();
    byte[][] messages = new byte[64][];
    byte[][] signatures = new byte[64][];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = new byte[136];
      messages[i][0] = (byte) i;
      signatures[i] = key.sign(messages[i]);
    }
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    System.out.println(
        "  time   verify/s (wall)   verify per CPU s of this thread   process CPU s / thread CPU s");
    long threadCpu = threads.getCurrentThreadCpuTime();
    long processCpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long sliceNanos = (long) (slice * 1e9);
    long next = start + sliceNanos;
    int n = 0;
    int inSlice = 0;
    boolean ok = true;
    long now;
    while ((now = System.nanoTime()) < end) {
      ok &= pub.verify(signatures[n & 63], messages[n & 63]);
      n++;
      inSlice++;
      if (now >= next) {
        long t = threads.getCurrentThreadCpuTime();
        long p = os.getProcessCpuTime();
        System.out.printf(
            Locale.ROOT,
            "%5.1f s  %,10.0f  %,20.0f  %28.2f%n",
            (now - start) / 1e9,
            inSlice / slice,
            inSlice / Math.max(1e-9, (t - threadCpu) / 1e9),
            (p - processCpu) / (double) Math.max(1, t - threadCpu));
        threadCpu = t;
        processCpu = p;
        inSlice = 0;
        next += sliceNanos;
      }
    }
    if (!ok) {
      throw new IllegalStateException("a signature did not verify");
    }
  }
}
