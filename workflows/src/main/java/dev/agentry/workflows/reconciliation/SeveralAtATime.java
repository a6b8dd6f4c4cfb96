package dev.agentry.workflows.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Calls to Temporal made a few at a time, on a small pool of its own for one reconciliation. Once Temporal is
 * found unavailable, the calls not yet begun are left out: nothing can be concluded from them.
 */
final class SeveralAtATime implements AutoCloseable {

    /**
     * @param done        the results of the calls that were made, in the order of their inputs
     * @param unavailable why the calls left out were left out, or null when all were made
     */
    record Results<T>(List<T> done, TemporalUnavailableException unavailable) {
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int concurrency;
    private final int pool = POOLS.incrementAndGet();
    private ExecutorService executor;

    SeveralAtATime(int concurrency) {
        this.concurrency = concurrency;
    }

    /** The call must throw nothing but {@link TemporalUnavailableException}: any other failure is its result. */
    <I, T> Results<T> each(List<I> inputs, Function<I, T> call) {
        if (inputs.isEmpty()) {
            return new Results<>(List.of(), null);
        }
        AtomicReference<TemporalUnavailableException> unavailable = new AtomicReference<>();
        List<Future<T>> calls = new ArrayList<>(inputs.size());
        for (I input : inputs) {
            calls.add(executor().submit(() -> {
                if (unavailable.get() != null) {
                    return null;
                }
                try {
                    return call.apply(input);
                } catch (TemporalUnavailableException found) {
                    unavailable.compareAndSet(null, found);
                    return null;
                }
            }));
        }
        List<T> done = new ArrayList<>(inputs.size());
        for (Future<T> result : calls) {
            T value = outcome(result);
            if (value != null) {
                done.add(value);
            }
        }
        return new Results<>(done, unavailable.get());
    }

    private static <T> T outcome(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reconciling", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    private ExecutorService executor() {
        if (executor == null) {
            AtomicInteger threads = new AtomicInteger();
            executor = Executors.newFixedThreadPool(concurrency, task -> {
                Thread thread = new Thread(task, "reconciliation-" + pool + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
