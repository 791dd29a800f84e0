package org.jipv8.reactor.discovery;

/**
 * Counters of a {@link StrategyScheduler} since it was built (a consistent-enough snapshot: each
 * counter is read atomically, not all together).
 *
 * @param rounds rounds run (ticks that started a round while the endpoint was open)
 * @param roundsSkippedClosed ticks that found the endpoint closed and did nothing
 * @param stepsTaken {@code takeStep()} calls, including ones that threw
 * @param stepsSkippedAtTarget strategies not stepped because their peer count was at the target
 * @param ticksDropped ticks that arrived while a round was still running, and were dropped
 * @param stepErrors {@code getPeerCount()} or {@code takeStep()} calls that threw
 * @param flushErrors flushes after a step that failed (the loop went on)
 */
public record StrategySchedulerStatistics(
    long rounds,
    long roundsSkippedClosed,
    long stepsTaken,
    long stepsSkippedAtTarget,
    long ticksDropped,
    long stepErrors,
    long flushErrors) {}
