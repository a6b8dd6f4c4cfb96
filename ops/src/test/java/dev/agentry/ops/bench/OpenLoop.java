package dev.agentry.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Calls at a fixed rate whatever the answers take (open loop): call {@code i} is due at {@code start + i / rate},
 * and its latency counts from that due time, not from when a busy session got round to sending it, so a slow
 * answer shows in the figures instead of quietly lowering the rate (coordinated omission).
 */
final class OpenLoop {

    /** One session's way to make call number {@code index}; it throws for a failed call. */
    @FunctionalInterface
    interface Session {
        void call(long index) throws Exception;
    }

    /**
     * Latencies in milliseconds, from the due time of each call to its answer; a call still unsent when the run
     * was cut off counts with the time it had waited by then, so the percentiles are lower bounds when any was.
     */
    record Figures(int calls, int failures, int unsent, double p50, double p99, double max, double achievedPerSecond) {

        String latencies() {
            return (unsent == 0 ? "p50 %.2f ms, p99 %.2f ms, max %.1f ms"
                    : "p50 >= %.2f ms, p99 >= %.2f ms, max >= %.1f ms").formatted(p50, p99, max)
                    + (unsent == 0 ? "" : " (cut off with " + unsent + " calls unsent)");
        }
    }

    /** how much longer than the run's own duration a run that cannot keep up may go on */
    private static final double CUT_OFF_AFTER_DURATIONS = 2;

    private OpenLoop() {
    }

    /** Spreads the calls over the sessions in turn, each session on a thread of its own. */
    static Figures run(List<? extends Session> sessions, double perSecond, Duration duration) throws Exception {
        long calls = (long) (perSecond * duration.toNanos() / 1e9);
        double nanosBetweenCalls = 1e9 / perSecond;
        int count = sessions.size();
        long[][] latencies = new long[count][];
        AtomicInteger failures = new AtomicInteger();
        long[] lastAnswer = new long[count];
        ExecutorService threads = Executors.newFixedThreadPool(count);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long cutOff = start + (long) (CUT_OFF_AFTER_DURATIONS * duration.toNanos());
        AtomicInteger unsent = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int session = s;
            running.add(threads.submit(() -> {
                long[] own = new long[(int) ((calls + count - 1) / count)];
                int made = 0;
                for (long index = session; index < calls; index += count) {
                    long due = start + (long) (index * nanosBetweenCalls);
                    if (System.nanoTime() > cutOff) {
                        own[made++] = System.nanoTime() - due;
                        unsent.incrementAndGet();
                        continue;
                    }
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        sessions.get(session).call(index);
                    } catch (Exception failed) {
                        failures.incrementAndGet();
                    }
                    long answered = System.nanoTime();
                    own[made++] = answered - due;
                    lastAnswer[session] = answered;
                }
                latencies[session] = Arrays.copyOf(own, made);
                return null;
            }));
        }
        for (Future<?> session : running) {
            session.get();
        }
        threads.shutdown();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        long end = Arrays.stream(lastAnswer).max().orElse(start);
        return new Figures(all.length, failures.get(), unsent.get(), percentile(all, 50) / 1e6, percentile(all, 99) / 1e6,
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, (all.length - unsent.get()) / ((end - start) / 1e9));
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
