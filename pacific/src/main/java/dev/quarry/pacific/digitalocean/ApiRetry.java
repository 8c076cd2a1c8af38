package dev.quarry.pacific.digitalocean;

import static java.util.Objects.requireNonNull;

import com.myjeeva.digitalocean.exception.DigitalOceanException;
import com.myjeeva.digitalocean.exception.RequestUnsuccessfulException;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.secret.Secret;
import dev.quarry.pacific.waiting.Backoff;
import dev.quarry.pacific.waiting.Poller;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the DigitalOcean API and tries again when that may help: after a 429, once the rate limit resets
 * ({@code RateLimit-Reset}); after a 5xx or no response, with exponential backoff; at most {@link Backoff#tries()}
 * tries in all. Other refusals fail at once. Messages are redacted of the token.
 */
final class ApiRetry {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRetry.class);
    private static final Duration LEAST_RATE_LIMIT_PAUSE = Duration.ofSeconds(1);
    private static final Duration MOST_RATE_LIMIT_PAUSE = Duration.ofMinutes(5);

    /** One call of the API client; returning null means its answer could not be read. */
    @FunctionalInterface
    interface ApiCall<T> {
        T call() throws DigitalOceanException, RequestUnsuccessfulException;
    }

    /** Before trying again a call that may have been carried out: finds its result, if it was. */
    @FunctionalInterface
    interface Recovery<T> {
        Optional<T> recover() throws CloudFailure, InterruptedException;
    }

    private final ResponseWatch watch;
    private final Backoff backoff;
    private final Poller poller;
    private final Secret token;

    ApiRetry(ResponseWatch watch, Backoff backoff, Poller poller, Secret token) {
        this.watch = requireNonNull(watch, "watch is null");
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.poller = requireNonNull(poller, "poller is null");
        this.token = requireNonNull(token, "token is null");
    }

    <T> T call(String what, ApiCall<T> call) throws CloudFailure, InterruptedException {
        return call(what, call, Optional::empty, "");
    }

    /**
     * Like {@link #call(String, ApiCall)}, but a call that may have been carried out is first looked for with
     * {@code recovery}; {@code ifUnsure} is added to the failure when it may have been carried out after all.
     */
    <T> T call(String what, ApiCall<T> call, Recovery<T> recovery, String ifUnsure)
            throws CloudFailure, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Outcome<T> outcome = attempt(call);
            if (outcome.problem() == null) {
                return outcome.answer();
            }
            ApiProblem problem = outcome.problem();
            if (problem.mayHaveHappened()) {
                Optional<T> recovered = recovery.recover();
                if (recovered.isPresent()) {
                    return recovered.get();
                }
            }
            if (!problem.worthRetrying() || !backoff.allowsAnotherAfter(attempt)) {
                throw problem.failure(what, attempt, ifUnsure);
            }
            Duration pause = pause(problem, attempt);
            LOG.warn("pacific: DigitalOcean did not {} ({}); trying again in {} ms", what, problem.describe(),
                    pause.toMillis());
            poller.sleeper().sleep(pause);
        }
    }

    /** An answer, or the problem that kept it away. */
    private record Outcome<T>(T answer, ApiProblem problem) {}

    private <T> Outcome<T> attempt(ApiCall<T> call) {
        watch.clear();
        try {
            T answer = call.call();
            return answer == null ? new Outcome<>(null, ApiProblem.unreadable(watch.last())) : new Outcome<>(answer, null);
        } catch (DigitalOceanException e) {
            return new Outcome<>(null, ApiProblem.refused(e.getHttpStatusCode(), token.redact(e.getId()),
                    token.redact(e.getMessage()), watch.last()));
        } catch (RequestUnsuccessfulException e) {
            return new Outcome<>(null, ApiProblem.noResponse(token.redact(e.getMessage())));
        } catch (RuntimeException e) {
            LOG.debug("pacific: the DigitalOcean API client failed on an answer: {}", e.getClass().getName());
            return new Outcome<>(null, ApiProblem.unreadable(watch.last()));
        }
    }

    private Duration pause(ApiProblem problem, int attempt) {
        if (problem.rateLimited() && problem.rateLimitReset().isPresent()) {
            Instant now = poller.clock().instant();
            Duration untilReset = Duration.between(now, problem.rateLimitReset().get());
            if (untilReset.compareTo(LEAST_RATE_LIMIT_PAUSE) < 0) {
                return LEAST_RATE_LIMIT_PAUSE;
            }
            return untilReset.compareTo(MOST_RATE_LIMIT_PAUSE) > 0 ? MOST_RATE_LIMIT_PAUSE : untilReset;
        }
        return backoff.pauseAfter(attempt);
    }
}
