package dev.quarry.pacific.digitalocean;

import dev.quarry.pacific.digitalocean.ResponseWatch.Seen;
import dev.quarry.pacific.provider.CloudFailure;
import java.time.Instant;
import java.util.Optional;

/**
 * Why one call to the DigitalOcean API did not give an answer, and whether trying again may help.
 *
 * @param status the HTTP status, or 0 when no response came
 * @param errorId DigitalOcean's error id ({@code too_many_requests}, {@code not_found}), or empty
 * @param message what went wrong, one line, already redacted of the token
 * @param rateLimitReset when the rate limit resets, for a 429 that said so
 * @param unreadable whether an answer came that the API client could not read
 */
record ApiProblem(int status, String errorId, String message, Optional<Instant> rateLimitReset, boolean unreadable) {
    static final int NO_RESPONSE = 0;
    static final int TOO_MANY_REQUESTS = 429;

    static ApiProblem refused(int status, String errorId, String message, Optional<Seen> seen) {
        return new ApiProblem(status, errorId == null ? "" : errorId, oneLine(message),
                seen.flatMap(Seen::rateLimitReset), false);
    }

    static ApiProblem noResponse(String message) {
        return new ApiProblem(NO_RESPONSE, "", "no response: " + oneLine(message), Optional.empty(), false);
    }

    static ApiProblem unreadable(Optional<Seen> seen) {
        int status = seen.map(Seen::status).orElse(NO_RESPONSE);
        return new ApiProblem(status, "", "an answer the API client could not read", seen.flatMap(Seen::rateLimitReset),
                true);
    }

    boolean rateLimited() {
        return status == TOO_MANY_REQUESTS;
    }

    /** A server error, no response or an answer that could not be read: the request may have been carried out. */
    boolean mayHaveHappened() {
        return status == NO_RESPONSE || status >= 500 || unreadable;
    }

    /** A rate limit, a server error or no response; an unreadable answer to a success would read the same again. */
    boolean worthRetrying() {
        return rateLimited() || status == NO_RESPONSE || status >= 500;
    }

    /**
     * The failure to report, for a call that did {@code what} ("create droplet quarry-main-k3v9qa"); {@code ifUnsure}
     * is added when the request may have been carried out after all.
     */
    CloudFailure failure(String what, int tries, String ifUnsure) {
        String unsure = mayHaveHappened() ? ifUnsure : "";
        if (worthRetrying()) {
            return new CloudFailure("DigitalOcean did not " + what + " after " + tries + " tries (last: "
                    + describe() + ")" + unsure + "; try again later");
        }
        if (unreadable) {
            return new CloudFailure("DigitalOcean's answer to " + what + " could not be read (" + describe() + ")"
                    + unsure);
        }
        return new CloudFailure("DigitalOcean refused to " + what + " (" + describe() + ")" + hint());
    }

    String describe() {
        String code = status == NO_RESPONSE ? "" : status + (errorId.isEmpty() ? "" : " " + errorId) + ": ";
        return code + message;
    }

    private String hint() {
        return switch (status) {
            case 401 -> "; put a valid API token in etc/cloud/digitalocean-token";
            case 403 -> "; give the API token in etc/cloud/digitalocean-token read and write access to droplets";
            case 422 -> "; check region, image and the requested size in etc/cloud/digitalocean.json";
            default -> "";
        };
    }

    private static String oneLine(String text) {
        String line = text == null || text.isBlank() ? "no message" : text.strip();
        return line.replaceAll("\\s+", " ");
    }
}
