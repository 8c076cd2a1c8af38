package dev.quarry.pacific.secret;

import static java.util.Objects.requireNonNull;

/**
 * A credential, such as the DigitalOcean API token. It prints as {@code ***}: only {@link #reveal()} gives the value,
 * and the one caller that needs it hands it straight to the API client.
 */
public final class Secret {
    private static final String HIDDEN = "***";

    private final String value;

    public Secret(String value) {
        requireNonNull(value, "value is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        this.value = value;
    }

    /** The value itself; never put it in a message, a log line or an exception. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the secret replaced by {@code ***}: for text that came from elsewhere. */
    public String redact(String text) {
        return text == null ? "" : text.replace(value, HIDDEN);
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
