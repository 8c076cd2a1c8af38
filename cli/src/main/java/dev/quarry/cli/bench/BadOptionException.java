package dev.quarry.cli.bench;

/** An option's value is not valid; the message is the one line the user sees, starting with the option. */
final class BadOptionException extends Exception {
    BadOptionException(String option, String message) {
        super(option + ": " + message);
    }
}
