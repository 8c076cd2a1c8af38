package dev.quarry.hq.launch;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/** Runs work once per key however many threads ask; the others wait for it and share its failure. */
final class Once {
    private final Map<String, CompletableFuture<Void>> done = new ConcurrentHashMap<>();

    void run(String key, Runnable work) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> earlier = done.putIfAbsent(key, mine);
        if (earlier != null) {
            try {
                earlier.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            return;
        }
        try {
            work.run();
            mine.complete(null);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
