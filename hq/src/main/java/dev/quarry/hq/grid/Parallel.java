package dev.quarry.hq.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one blocking call per item at once (agents' verbs wait on the network), answers in item order. */
public final class Parallel {
    private Parallel() {}

    /** Applies {@code call} to every item on threads of its own; the first failure is thrown after all end. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> call) {
        if (items.size() == 1) {
            List<R> one = new ArrayList<>();
            one.add(call.apply(items.getFirst()));
            return one;
        }
        List<Future<R>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                futures.add(executor.submit(() -> call.apply(item)));
            }
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(result(future));
        }
        return results;
    }

    private static <R> R result(Future<R> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
